namespace LlmOs.Engine.Tesseract;

public sealed class TesseractOptions
{
    /// <summary>Where the traineddata files are; null: Debian's <c>/usr/share/tesseract-ocr/5/tessdata</c>.</summary>
    public string? DataPath { get; init; }

    /// <summary>How many recognitions may run at once (each holds its own tesseract instance).</summary>
    public int MaxConcurrency { get; init; } = 1;
}
