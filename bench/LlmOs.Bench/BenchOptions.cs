namespace LlmOs.Bench;

/// <summary>The benchmark's few options.</summary>
public sealed record BenchOptions(int Tokens, int Runs, int Requests, int Samples, int Threads, string? Model, bool ShowHelp, bool IntentsOnly = false, bool VisionOnly = false, bool ColdStartOnly = false, string? Deb = null, bool SpeechOnly = false)
{
    public const string Prompt = "Once upon a time";
    public const int WarmupRequests = 200;
    public const int ConcurrentClients = 16;

    /// <summary>llmosd batches up to this many generations per model (LLMOSD_PARALLELSEQUENCES): the most streams measured.</summary>
    public const int ParallelSequences = 8;

    /// <summary>The concurrent stream counts measured through the daemon besides the single stream.</summary>
    public static readonly int[] StreamCounts = [2, 4, 8];

    /// <summary>Time to first token: the short stream's tokens, and the long streams running beside it (enough to outlast it).</summary>
    public const int ShortTokens = 8;
    public const int LongTokens = 2000;
    public const int BackgroundStreams = ParallelSequences - 1;

    /// <summary>stories260K's context is 2048 tokens; the prompt needs a few of them.</summary>
    public const int MaxTokensLimit = 2000;

    /// <summary>Timed cold starts of each build (--coldstart-only), after one warm-up each.</summary>
    public const int ColdStartRuns = 10;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/LlmOs.Bench [-- options]
          --tokens N      tokens per stream (default 256, at most 2000: the model's context is 2048)
          --runs R        timed rounds per path and stream count, after one warm-up (default 5)
          --requests K    /v1/health requests per configuration, after 200 warm-up (default 2000)
          --samples S     short streams timed for time to first token, alone and beside 7 long streams (default 30)
          --threads T     llama.cpp and ONNX Runtime threads, in-process and in the daemon (LLMOSD_THREADS); default 0: llmosd's default (one core less than the machine has, at least 1)
          --model PATH    the GGUF model (default $LLMOS_TEST_MODELS/stories260K.gguf, else ../shared/models/ beside the repository)
          --intents-only  run only the intent engine's part (recogniser stages, ask round trips), against a daemon of its own
          --vision-only   run only the vision part (MobileNetV2 classification at batch 1 and 16, OCR of a full-HD screenshot), against a daemon of its own
          --speech-only   run only the speech part (grammar and Whisper real-time factors, end of speech to intent in-process and through POST /v1/voice), against a daemon of its own
          --coldstart-only  run only the cold start (exec to READY=1, no model) of the packaged ReadyToRun llmosd against dotnet llmosd.dll, and the package's sizes
          --deb PATH      the .deb for --coldstart-only (default: build one with packaging/build-deb, which takes minutes)
          -h, --help      print this help and exit
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        int tokens = 256, runs = 5, requests = 2000, samples = 30, threads = 0;
        string? model = null;
        bool help = false, intentsOnly = false, visionOnly = false, coldStartOnly = false, speechOnly = false;
        string? deb = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--tokens":
                    tokens = Number(args, ref i, 1, MaxTokensLimit);
                    break;
                case "--runs":
                    runs = Number(args, ref i, 1, 1000);
                    break;
                case "--requests":
                    requests = Number(args, ref i, 1, 10_000_000);
                    break;
                case "--samples":
                    samples = Number(args, ref i, 1, 10_000);
                    break;
                case "--threads":
                    threads = Number(args, ref i, 0, 256);
                    break;
                case "--intents-only":
                    intentsOnly = true;
                    break;
                case "--vision-only":
                    visionOnly = true;
                    break;
                case "--speech-only":
                    speechOnly = true;
                    break;
                case "--coldstart-only":
                    coldStartOnly = true;
                    break;
                case "--deb":
                    deb = Value(args, ref i);
                    break;
                case "--model":
                    model = Value(args, ref i);
                    break;
                default:
                    throw new FormatException($"unknown option '{arg}'");
            }
        }

        if ((intentsOnly ? 1 : 0) + (visionOnly ? 1 : 0) + (coldStartOnly ? 1 : 0) + (speechOnly ? 1 : 0) > 1)
        {
            throw new FormatException("--intents-only, --vision-only, --speech-only and --coldstart-only exclude each other");
        }

        if (deb is not null && !coldStartOnly)
        {
            throw new FormatException("--deb goes with --coldstart-only");
        }

        return new BenchOptions(tokens, runs, requests, samples, threads, model, help, intentsOnly, visionOnly, coldStartOnly, deb, speechOnly);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");

    private static int Number(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        string name = args[i];
        string value = Value(args, ref i);
        return int.TryParse(value, out int n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{value}'");
    }
}
