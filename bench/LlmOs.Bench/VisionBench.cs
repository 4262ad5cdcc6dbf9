using System.Diagnostics;
using LlmOs.Engine.Models;
using LlmOs.Engine.Tesseract;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Bench;

/// <summary>
/// Vision (issue 7): image classifications per second and latency with MobileNetV2, in-process (the decoder and ONNX
/// backend called directly, the baseline) against <c>POST /v1/images/classify</c> through the daemon, at batch 1
/// (sequential requests) and batch 16 (one call of 16 images in-process, 16 concurrent requests that the daemon's
/// worker gathers); then OCR of a rendered full-HD screenshot, in-process against <c>POST /v1/images/ocr</c>.
/// Every request includes decoding the encoded image, as the daemon does per request.
/// </summary>
public static partial class VisionBench
{
    public const string ModelFileName = "mobilenetv2-12-int8.onnx";
    public const string LabelsFileName = "imagenet-simple-labels.json";
    public const string ModelName = "mobilenetv2-12-int8";
    public const int Top = 5;
    public const int BatchSize = 16;
    public const double DaemonTargetRatio = 0.85;
    public const string OcrLanguage = "eng";

    /// <summary>In-process and daemon paths take turns in this many rounds, so a load change on the machine hits both alike.</summary>
    public const int Rounds = 4;

    public const int Batch1RequestsPerRound = 50;
    public const int Batch16CallsPerRound = 4;
    public const int OcrRuns = 3;

    /// <summary>
    /// One configuration: <paramref name="Calls"/> calls of <paramref name="Batch"/> images (a batch-16 call through the
    /// daemon is 16 concurrent requests). CPU per image is this process's plus the daemon's (that alone in
    /// <paramref name="DaemonCpuMillisecondsPerImage"/>). A failing call ends the row with its message.
    /// </summary>
    public sealed record Point(string Path, int Batch, int Calls, int Images, double ImagesPerSecond, double P50Milliseconds, double P99Milliseconds, double CpuMillisecondsPerImage, double DaemonCpuMillisecondsPerImage, string? Failure = null);

    /// <summary>One OCR path: the median time of the runs, and what the last run read.</summary>
    public sealed record OcrRun(string Path, IReadOnlyList<double> Milliseconds, int Characters, int Lines, double Confidence, int EditDistance, string? Failure = null)
    {
        public double MedianMilliseconds => Stats.Median(Milliseconds);
    }

    /// <summary>What one OCR call read: its text, mean confidence (0 to 100) and line count.</summary>
    public sealed record OcrReading(string Text, double Confidence, int Lines);

    /// <summary>The figures; <paramref name="Threads"/> is the ONNX Runtime thread count in effect, in-process and in the daemon.</summary>
    public sealed record Result(
        int Threads,
        TimeSpan InProcessLoad,
        TimeSpan? DaemonFirstRequest,
        string? DaemonFailure,
        IReadOnlyList<string> Photos,
        IReadOnlyList<Point> Points,
        IReadOnlyDictionary<string, string> InProcessTop1,
        IReadOnlyDictionary<string, string> DaemonTop1,
        Screenshot Screenshot,
        IReadOnlyList<OcrRun> Ocr,
        TimeSpan Elapsed);

    /// <summary>The vision model and its labels, as the daemon finds them in its models folder (<c>STEM.labels.json</c> beside <c>STEM.onnx</c>).</summary>
    public static IReadOnlyList<(string Source, string Name)> DaemonModelFiles() =>
        [(SharedFile(ModelFileName), ModelFileName), (SharedFile(LabelsFileName), ModelName + ".labels.json")];

    /// <summary>
    /// Runs every measurement against the daemon listening on <paramref name="socket"/> (process <paramref name="daemonPid"/>),
    /// in-process with <paramref name="threads"/> ONNX Runtime threads: the value the daemon got as LLMOSD_THREADS (0: the default of both).
    /// </summary>
    public static async Task<Result> RunAsync(string socket, int daemonPid, int threads, CancellationToken cancellationToken = default)
    {
        long start = Stopwatch.GetTimestamp();
        var photos = Directory.GetFiles(SharedFile("photos"), "*.jpg").Order(StringComparer.Ordinal).ToArray();
        if (photos.Length == 0)
        {
            throw new FileNotFoundException($"no photos in {SharedFile("photos")}");
        }

        var jpegs = await Task.WhenAll(photos.Select(p => File.ReadAllBytesAsync(p, cancellationToken)));
        var names = photos.Select(Path.GetFileName).Select(n => n!).ToArray();
        var decoder = new SkiaImageDecoder();
        var visionOptions = new OnnxVisionOptions { Threads = threads };
        var backend = new OnnxVisionBackend(visionOptions, NullLogger<OnnxVisionBackend>.Instance);
        var model = new ModelEntry(ModelName, SharedFile(ModelFileName), ModelKind.Vision, ModelSource.ModelsDirectory, IsDefault: false, new FileInfo(SharedFile(ModelFileName)).Length, null, null)
        {
            LabelsPath = SharedFile(LabelsFileName),
        };

        long loadStart = Stopwatch.GetTimestamp();
        await using var classifier = await backend.LoadAsync(model, cancellationToken);
        var load = Stopwatch.GetElapsedTime(loadStart);

        using var http = EmbeddingBench.UnixSocketHttp(socket);
        var paths = new ClassifyPaths(decoder, classifier, http, jpegs);
        var inProcessTop1 = new Dictionary<string, string>(StringComparer.Ordinal);
        var daemonTop1 = new Dictionary<string, string>(StringComparer.Ordinal);
        TimeSpan? first = null;
        string? daemonFailure = null;
        try
        {
            // A daemon that fails here fails its rows below too; the in-process baseline is still measured and printed.
            long firstStart = Stopwatch.GetTimestamp();
            await ClassifyThroughDaemonAsync(http, jpegs[0], cancellationToken); // loads the model in the daemon
            first = Stopwatch.GetElapsedTime(firstStart);
            for (int i = 0; i < jpegs.Length; i++)
            {
                daemonTop1[names[i]] = (await paths.DaemonAsync(i, 1, cancellationToken))[0];
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            daemonFailure = $"{e.GetType().Name}: {e.Message}";
        }

        for (int i = 0; i < jpegs.Length; i++)
        {
            inProcessTop1[names[i]] = (await paths.InProcessAsync(i, 1, cancellationToken))[0];
        }

        var points = await MeasureClassificationAsync(paths, daemonPid, cancellationToken);

        var screenshot = Screenshot.Render();
        var ocr = new List<OcrRun>();
        using (var engine = new TesseractOcrEngine(new TesseractOptions(), NullLogger<TesseractOcrEngine>.Instance))
        {
            ocr.Add(await MeasureOcrAsync("in-process decode + tesseract", screenshot, (png, ct) => InProcessOcrAsync(decoder, engine, png, ct), cancellationToken));
        }

        ocr.Add(await MeasureOcrAsync("daemon POST /v1/images/ocr", screenshot, (png, ct) => OcrThroughDaemonAsync(http, png, ct), cancellationToken));
        return new Result(visionOptions.EffectiveThreads, load, first, daemonFailure, names, points, inProcessTop1, daemonTop1, screenshot, ocr, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>A file of the shared test models: $LLMOS_TEST_MODELS, else ../shared/models beside the repository (as <see cref="BenchPaths.Model"/>).</summary>
    public static string SharedFile(string name)
    {
        string path = Path.GetFullPath(Path.Combine(
            Environment.GetEnvironmentVariable("LLMOS_TEST_MODELS") is { Length: > 0 } dir ? dir : Path.Combine(BenchPaths.RepoRoot, "..", "shared", "models"),
            name));
        return File.Exists(path) || Directory.Exists(path) ? path : throw new FileNotFoundException($"the vision benchmark needs {path} (set LLMOS_TEST_MODELS)");
    }
}
