namespace LlmOs.Engine.Vision;

/// <summary>What text recognition read: the whole <see cref="Text"/> (lines joined by line breaks), its mean confidence (0 to 100) and its lines.</summary>
public sealed record OcrResult(string Text, float Confidence, IReadOnlyList<OcrLine> Lines);
