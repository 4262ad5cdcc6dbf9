using LlmOs.Engine.Errors;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Tesseract;

/// <summary>Placeholder: the OCR helper replaces it with tesseract through P/Invoke.</summary>
public sealed class TesseractOcrEngine(TesseractOptions options, ILogger<TesseractOcrEngine> logger) : IOcrEngine, IDisposable
{
    public IReadOnlyList<string> Languages => [];

    public Task<OcrResult> RecognizeAsync(RgbImage image, string language, CancellationToken cancellationToken)
    {
        _ = (options, logger);
        throw new EngineException(ErrorKind.Unsupported, "OCR is not built yet");
    }

    public void Dispose()
    {
    }
}
