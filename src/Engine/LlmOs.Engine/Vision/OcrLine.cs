namespace LlmOs.Engine.Vision;

/// <summary>One line of recognised text, its confidence (0 to 100, tesseract's scale) and its box in image pixels.</summary>
public sealed record OcrLine(string Text, float Confidence, int X, int Y, int Width, int Height);
