using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;
using LlmOs.Ipc.Tasks;
using LlmOs.Ipc.Vision;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// Classifications and text recognitions to wire records. Probabilities and confidences are rounded (6 and 2 decimals):
/// the engine's floats widened to double would print as 0.10000000149011612.
/// </summary>
internal static class VisionMapper
{
    public static ClassifyResponse ToClassifyResponse(TaskRecord task) =>
        new(task.Model, Labels(task.Labels ?? []));

    public static OcrResponse ToOcrResponse(OcrResult reading) =>
        new(reading.Text, Confidence(reading.Confidence), Lines(reading.Lines));

    /// <summary>A classify task's result: its labels, and the best one as its text.</summary>
    public static TaskResultDto ToTaskResult(IReadOnlyList<LabelScore> labels) =>
        new(labels.Count > 0 ? labels[0].Label : "", 0, "stop", Labels: Labels(labels));

    /// <summary>An ocr task's result: the text read, its mean confidence and its lines.</summary>
    public static TaskResultDto ToTaskResult(OcrResult reading) =>
        new(reading.Text, 0, "stop", Confidence: Confidence(reading.Confidence), Lines: Lines(reading.Lines));

    public static List<LabelScoreDto> Labels(IReadOnlyList<LabelScore> labels) =>
        [.. labels.Select(l => new LabelScoreDto(l.Label, Math.Round(l.Probability, 6)))];

    public static List<OcrLineDto> Lines(IReadOnlyList<OcrLine> lines) =>
        [.. lines.Select(l => new OcrLineDto(l.Text, Confidence(l.Confidence), new BoxDto(l.X, l.Y, l.Width, l.Height)))];

    private static double Confidence(float confidence) => Math.Round(confidence, 2);
}
