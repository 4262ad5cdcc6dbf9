using System.Globalization;

namespace LlmOs.Bench;

public static partial class VisionBench
{
    /// <summary>The figures as the benchmark prints them: one line per classification configuration, then the OCR paths.</summary>
    public static void Print(Result result, TextWriter writer)
    {
        writer.WriteLine($"vision ({ModelFileName}, {result.Threads} ONNX Runtime thread(s) in-process and in llmosd; {result.Photos.Count} photos round-robin; every request decodes a JPEG and asks for the top {Top}):");
        writer.WriteLine($"  in-process load {result.InProcessLoad.TotalMilliseconds:F0} ms; {(result.DaemonFirstRequest is { } firstRequest ? $"daemon's first request (loads the model) {firstRequest.TotalMilliseconds:F0} ms" : $"daemon's first request failed: {result.DaemonFailure}")}; paths take turns in {Rounds} rounds after a warm-up");
        writer.WriteLine($"  {"path",-36}{"batch",6}{"calls",7}{"images",8}{"images/s",10}{"p50 ms",9}{"p99 ms",9}  CPU ms/image (in llmosd)");
        foreach (var p in result.Points)
        {
            string path = p.Path == "daemon"
                ? p.Batch == 1 ? "daemon POST /v1/images/classify" : $"daemon, {p.Batch} concurrent requests"
                : p.Batch == 1 ? "in-process decode + ClassifyAsync" : $"in-process, {p.Batch} images per call";
            if (p.Failure is not null)
            {
                writer.WriteLine($"  {path,-36}{p.Batch,6}  failed: {p.Failure}");
                continue;
            }

            writer.WriteLine($"  {path,-36}{p.Batch,6}{p.Calls,7}{p.Images,8}{p.ImagesPerSecond,10:F1}{p.P50Milliseconds,9:F2}{p.P99Milliseconds,9:F2}  {p.CpuMillisecondsPerImage:F2}{(p.Path == "daemon" ? $" ({p.DaemonCpuMillisecondsPerImage:F2})" : "")}");
        }

        var inProcess1 = Find(result, "in-process", 1);
        var daemon1 = Find(result, "daemon", 1);
        if (inProcess1 is not null && daemon1 is not null)
        {
            double ratio = daemon1.ImagesPerSecond / inProcess1.ImagesPerSecond;
            writer.WriteLine($"  daemon / in-process at batch 1: {ratio:F2}x images/s (target >= {DaemonTargetRatio:F2}: {(ratio >= DaemonTargetRatio ? "met" : "NOT met")}); p50 {daemon1.P50Milliseconds:F2} ms against {inProcess1.P50Milliseconds:F2} ms; by CPU per image (steadier on a busy machine) {inProcess1.CpuMillisecondsPerImage / daemon1.CpuMillisecondsPerImage:F2}x");
        }

        writer.WriteLine($"  batching raises throughput (batch {BatchSize} images/s > batch 1): in-process {Raised(result, "in-process")}; daemon {Raised(result, "daemon")}");
        int same = result.Photos.Count(n => result.InProcessTop1.TryGetValue(n, out var a) && result.DaemonTop1.TryGetValue(n, out var b) && a == b);
        writer.WriteLine($"  top-1 in-process: {string.Join(", ", result.Photos.Select(n => $"{n} {result.InProcessTop1.GetValueOrDefault(n, "?")}"))}; the same through the daemon: {same}/{result.Photos.Count}");

        var shot = result.Screenshot;
        writer.WriteLine($"OCR ({shot.Width}x{shot.Height} PNG screenshot, {shot.Png.Length / 1024} KiB: {shot.Lines} lines, {shot.Characters} characters drawn; tesseract, language {OcrLanguage}; median of {OcrRuns} runs after a warm-up, decoding included):");
        foreach (var run in result.Ocr)
        {
            if (run.Failure is not null)
            {
                writer.WriteLine($"  {run.Path,-36}failed: {run.Failure}");
                continue;
            }

            double errors = 100.0 * run.EditDistance / Math.Max(1, shot.Characters);
            writer.WriteLine($"  {run.Path,-36}{run.MedianMilliseconds,8:F0} ms (runs {string.Join(", ", run.Milliseconds.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))})  read {run.Characters} characters in {run.Lines} lines, confidence {run.Confidence:F0}, {run.EditDistance} edits from the drawn text ({errors:F1} %)");
        }

        if (result.Ocr is [{ Failure: null } first, { Failure: null } second])
        {
            writer.WriteLine($"  daemon / in-process OCR time: {second.MedianMilliseconds / first.MedianMilliseconds:F2}x");
        }

        writer.WriteLine($"  vision part's run time {result.Elapsed.TotalSeconds:F1} s");
    }

    private static Point? Find(Result result, string path, int batch) =>
        result.Points.FirstOrDefault(p => p.Path == path && p.Batch == batch && p.Failure is null);

    private static string Raised(Result result, string path) =>
        (Find(result, path, 1), Find(result, path, BatchSize)) is ({ } one, { } many)
            ? $"{(many.ImagesPerSecond > one.ImagesPerSecond ? "yes" : "no")} ({one.ImagesPerSecond:F1} -> {many.ImagesPerSecond:F1} images/s, {many.ImagesPerSecond / one.ImagesPerSecond:F2}x; CPU {one.CpuMillisecondsPerImage:F2} -> {many.CpuMillisecondsPerImage:F2} ms/image)"
            : "? (a configuration failed)";
}
