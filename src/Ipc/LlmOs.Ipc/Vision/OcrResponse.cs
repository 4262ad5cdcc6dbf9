namespace LlmOs.Ipc.Vision;

/// <summary><c>POST /v1/images/ocr</c> (and D-Bus <c>Ocr</c>): the text (lines joined by line breaks), its mean confidence (0 to 100) and its lines.</summary>
public sealed record OcrResponse(string Text, double Confidence, IReadOnlyList<OcrLineDto> Lines);
