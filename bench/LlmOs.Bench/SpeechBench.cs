using System.Diagnostics;
using LlmOs.Engine.Speech;

namespace LlmOs.Bench;

/// <summary>
/// Speech (issue 6): the real-time factor (processing time / audio duration) of the grammar recogniser on commands spoken
/// by espeak-ng and on jfk.wav, and of Whisper.net with the test model on jfk.wav; then end of speech to intent for a
/// ~2-second spoken command, in-process (VoiceService fed as the audio is "recorded") against the daemon (POST /v1/voice
/// with a chunked body paced as a recording), each timed from the last audio byte to the answer. Targets: grammar RTF
/// under 0.1, under 300 ms from end of speech to intent. A part that fails becomes its line in the report.
/// </summary>
public static partial class SpeechBench
{
    public const double GrammarRtfTarget = 0.1;
    public const double EndOfSpeechTargetMilliseconds = 300;
    public const int LatencyRuns = 5;

    /// <summary>Commands without free text, spoken by espeak-ng in these voices.</summary>
    public static readonly string[] Commands =
    [
        "set a timer for five minutes", "open firefox", "what time is it", "turn up the volume", "lock the screen",
        "set a timer for ten seconds", "mute the sound", "what is the date today",
    ];

    /// <summary>espeak-ng's Klatt voices, as the speech tests use (its formant voices are far from human speech).</summary>
    public static readonly string[] Voices = ["en-us+klatt3", "en-us+caleb", "en-us+klatt"];

    /// <summary>The ~2-second command of the latency measurement.</summary>
    public const string LatencyCommand = "set a timer for five minutes";

    /// <summary>A measured path: real-time factors (or latencies) per sample, and why it could not run if it could not.</summary>
    public sealed record Series(string Path, IReadOnlyList<double> Values, string Unit, string? Failure = null, string? Note = null)
    {
        public double Median => Values.Count == 0 ? double.NaN : Stats.Median(Values);

        public double P90 => Values.Count == 0 ? double.NaN : Stats.Percentile([.. Values.Order()], 90);
    }

    public sealed record Result(IReadOnlyList<Series> RealTimeFactors, IReadOnlyList<Series> EndOfSpeech, double CommandSeconds, TimeSpan Elapsed);

    public static async Task<Result> RunAsync(string? socket, string modelPath, int threads, CancellationToken cancellationToken = default)
    {
        long start = Stopwatch.GetTimestamp();
        using var dir = new TempFolder();
        var commands = new List<AudioClip>();
        foreach (string voice in Voices)
        {
            foreach (string command in Commands)
            {
                commands.Add(BenchWav.Read(await Espeak.RecordAsync(dir.File($"{commands.Count}.wav"), command, voice, cancellationToken)));
            }
        }

        byte[] latencyWav = await File.ReadAllBytesAsync(await Espeak.RecordAsync(dir.File("latency.wav"), LatencyCommand, Voices[0], cancellationToken), cancellationToken);
        var latencyClip = BenchWav.Read(latencyWav);
        var jfk = BenchWav.Read(VisionBench.SharedFile("jfk.wav"));

        await using var engines = await SpeechEngines.CreateAsync(modelPath, threads, cancellationToken);
        var rtf = new List<Series>
        {
            await GrammarRtfAsync("grammar (pocketsphinx), espeak-ng commands", engines, commands, cancellationToken),
            await GrammarRtfAsync("grammar (pocketsphinx), jfk.wav (out of grammar)", engines, [jfk], cancellationToken),
            await WhisperRtfAsync(engines, jfk, cancellationToken),
        };

        var latency = new List<Series> { await InProcessEndOfSpeechAsync(engines, latencyClip, cancellationToken) };
        if (socket is not null)
        {
            latency.Add(await DaemonEndOfSpeechAsync(socket, latencyWav, cancellationToken));
        }

        return new Result(rtf, latency, latencyClip.Duration.TotalSeconds, Stopwatch.GetElapsedTime(start));
    }

    private static async Task<Series> GrammarRtfAsync(string path, SpeechEngines engines, IReadOnlyList<AudioClip> clips, CancellationToken cancellationToken)
    {
        var recognizer = engines.Recognizer;
        var grammar = engines.Grammar("en");
        await recognizer.RecognizeAsync(clips[0], grammar, cancellationToken); // warm-up: compiles the grammar once
        var factors = new List<double>();
        int accepted = 0;
        foreach (var clip in clips)
        {
            long t = Stopwatch.GetTimestamp();
            var heard = await recognizer.RecognizeAsync(clip, grammar, cancellationToken);
            factors.Add(Stopwatch.GetElapsedTime(t).TotalSeconds / clip.Duration.TotalSeconds);
            accepted += heard.Accepted ? 1 : 0;
        }

        return new Series(path, factors, "RTF", Note: $"{accepted}/{clips.Count} accepted");
    }
}
