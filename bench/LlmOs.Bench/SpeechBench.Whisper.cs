using System.Diagnostics;
using LlmOs.Engine.Models;
using LlmOs.Engine.Speech;

namespace LlmOs.Bench;

public static partial class SpeechBench
{
    public const string WhisperModelFileName = "for-tests-ggml-tiny.en.bin";
    public const int WhisperRuns = 3;

    /// <summary>Whisper.net on jfk.wav with the test model (no trained weights: it runs the whole network and hears nothing).</summary>
    private static async Task<Series> WhisperRtfAsync(SpeechEngines engines, AudioClip jfk, CancellationToken cancellationToken)
    {
        const string path = "whisper.net (" + WhisperModelFileName + "), jfk.wav";
        var backend = engines.Whisper;
        string file = VisionBench.SharedFile(WhisperModelFileName);
        var entry = new ModelEntry(Path.GetFileNameWithoutExtension(file), file, ModelKind.Speech, ModelSource.ModelsDirectory, IsDefault: false, new FileInfo(file).Length, null, null);
        long loadStart = Stopwatch.GetTimestamp();
        await using var model = await backend.LoadAsync(entry, cancellationToken);
        var load = Stopwatch.GetElapsedTime(loadStart);
        var factors = new List<double>();
        int segments = 0;
        for (int run = 0; run <= WhisperRuns; run++)
        {
            long t = Stopwatch.GetTimestamp();
            segments = 0;
            await foreach (var _ in model.TranscribeAsync(jfk, new TranscriptionOptions("en"), cancellationToken))
            {
                segments++;
            }

            if (run > 0)
            {
                factors.Add(Stopwatch.GetElapsedTime(t).TotalSeconds / jfk.Duration.TotalSeconds);
            }
        }

        return new Series(path, factors, "RTF", Note: $"load {load.TotalMilliseconds:F0} ms, {segments} segments, 1 warm-up");
    }
}
