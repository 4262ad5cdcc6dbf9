using System.Diagnostics;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Tesseract;

/// <summary>
/// Text recognition with Debian's tesseract. At most <see cref="TesseractOptions.MaxConcurrency"/> recognitions run at
/// once, each on the thread pool with a pooled instance of its language (loading a language costs about 100 ms, so
/// instances are kept and reused). Cancelling stops a running recognition between words.
/// </summary>
public sealed partial class TesseractOcrEngine : IOcrEngine, IDisposable
{
    private readonly ILogger<TesseractOcrEngine> _logger;
    private readonly string _dataPath;
    private readonly SemaphoreSlim _gate;

    public TesseractOcrEngine(TesseractOptions options, ILogger<TesseractOcrEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _dataPath = TessdataFolder.Resolve(options.DataPath, Environment.GetEnvironmentVariable("TESSDATA_PREFIX"));
        int concurrency = Math.Max(1, options.MaxConcurrency);
        _gate = new SemaphoreSlim(concurrency, concurrency);
    }

    /// <summary>The languages installed in the data folder, read afresh each time (a package may be added while running).</summary>
    public IReadOnlyList<string> Languages => TessdataFolder.Languages(_dataPath);

    public async Task<OcrResult> RecognizeAsync(RgbImage image, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        string checkedLanguage = CheckLanguage(language);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => RecognizeOnPooledInstance(image, checkedLanguage, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The language as tesseract takes it: one installed name, or several joined by '+' ("eng+deu"). Anything else is
    /// refused before it reaches tesseract, which would take a name as part of a file path.
    /// </summary>
    private string CheckLanguage(string language)
    {
        IReadOnlyList<string> installed = Languages;
        if (installed.Count == 0)
        {
            throw new EngineException(
                ErrorKind.Unsupported,
                $"no tesseract language data in {_dataPath}; install the Debian packages libtesseract5 tesseract-ocr-eng");
        }

        string[] parts = (language ?? string.Empty).Trim().Split('+');
        if (parts.Any(part => !installed.Contains(part, StringComparer.Ordinal)))
        {
            throw new EngineException(
                ErrorKind.InvalidInput,
                $"unknown OCR language '{language}'; installed: {string.Join(", ", installed)}",
                "options.language");
        }

        return string.Join('+', parts);
    }

    private OcrResult RecognizeOnPooledInstance(RgbImage image, string language, CancellationToken cancellationToken)
    {
        TesseractInstance instance = Rent(language);
        long started = Stopwatch.GetTimestamp();
        try
        {
            OcrResult result = instance.Recognize(image, cancellationToken);
            TesseractLog.Recognised(
                _logger, image.Width, image.Height, language, result.Lines.Count, result.Confidence, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (OperationCanceledException)
        {
            TesseractLog.Cancelled(_logger, image.Width, image.Height, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (EngineException e)
        {
            TesseractLog.Failed(_logger, e.Message);
            throw;
        }
        finally
        {
            Return(instance);
        }
    }
}
