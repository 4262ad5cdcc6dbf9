namespace LlmOs.Engine.Vision;

/// <summary>Text recognition (tesseract). Safe to call concurrently; implementations bound their own parallelism.</summary>
public interface IOcrEngine
{
    /// <summary>The recognition languages installed, as tesseract names them ("eng", "spa", …).</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>
    /// Reads the text in <paramref name="image"/> in <paramref name="language"/> (one of <see cref="Languages"/>).
    /// An unknown language throws <see cref="Errors.EngineException"/> (<see cref="Errors.ErrorKind.InvalidInput"/>);
    /// cancelling stops the recognition and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<OcrResult> RecognizeAsync(RgbImage image, string language, CancellationToken cancellationToken);
}
