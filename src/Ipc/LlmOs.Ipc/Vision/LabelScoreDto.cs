namespace LlmOs.Ipc.Vision;

/// <summary>One label of a classification and its probability (0 to 1).</summary>
public sealed record LabelScoreDto(string Label, double Probability);
