using System.Diagnostics;
using LlmOs.Engine.Vision;

namespace LlmOs.Bench;

public static partial class VisionBench
{
    /// <summary>One warm-up, then <see cref="OcrRuns"/> timed recognitions of the screenshot's PNG (decoding included).</summary>
    private static async Task<OcrRun> MeasureOcrAsync(string path, Screenshot screenshot, Func<byte[], CancellationToken, Task<OcrReading>> recognize, CancellationToken cancellationToken)
    {
        try
        {
            var reading = await recognize(screenshot.Png, cancellationToken);
            var times = new List<double>();
            for (int i = 0; i < OcrRuns; i++)
            {
                long start = Stopwatch.GetTimestamp();
                reading = await recognize(screenshot.Png, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            string read = Normalize(reading.Text);
            return new OcrRun(path, times, read.Count(c => c != ' '), reading.Lines, reading.Confidence, EditDistance(Normalize(screenshot.Text), read));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new OcrRun(path, [], 0, 0, double.NaN, 0, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<OcrReading> InProcessOcrAsync(IImageDecoder decoder, IOcrEngine engine, byte[] png, CancellationToken cancellationToken)
    {
        var result = await engine.RecognizeAsync(decoder.Decode(png, ImageLimits.Default), OcrLanguage, cancellationToken);
        return new OcrReading(result.Text, result.Confidence, result.Lines.Count);
    }

    /// <summary>The text with every run of white space (line breaks included) made one space: layout is not what is compared.</summary>
    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Levenshtein distance in characters, two rows at a time.</summary>
    private static int EditDistance(string expected, string actual)
    {
        var previous = new int[actual.Length + 1];
        var current = new int[actual.Length + 1];
        for (int j = 0; j <= actual.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= expected.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= actual.Length; j++)
            {
                int substitution = previous[j - 1] + (expected[i - 1] == actual[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[actual.Length];
    }
}
