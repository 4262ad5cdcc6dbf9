namespace LlmOs.Ipc.Vision;

/// <summary>One line of recognised text, its confidence (0 to 100) and its box.</summary>
public sealed record OcrLineDto(string Text, double Confidence, BoxDto Box);
