using System.Runtime.InteropServices;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Tesseract;

/// <summary>
/// One tesseract instance with a language loaded (Init3 costs about 100 ms, so instances are pooled and reused). Not
/// thread-safe: one recognition at a time. Besides <see cref="TesseractNative"/> and the handles, the only code that
/// knows tesseract's C API.
/// </summary>
internal sealed partial class TesseractInstance : IDisposable
{
    /// <summary>What tesseract assumes when the image does not say; without one it warns and guesses from the glyph sizes.</summary>
    private const int AssumedResolution = 300;

    private readonly TessBaseApiHandle _api;

    private TesseractInstance(TessBaseApiHandle api, string language)
    {
        _api = api;
        Language = language;
    }

    public string Language { get; }

    /// <summary>
    /// Creates an instance and loads <paramref name="language"/> from <paramref name="dataPath"/>. A missing library
    /// or language data throws <see cref="EngineException"/> (<see cref="ErrorKind.Unsupported"/>).
    /// </summary>
    public static TesseractInstance Open(string dataPath, string language)
    {
        TessBaseApiHandle api;
        try
        {
            api = TesseractNative.TessBaseAPICreate();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw Unavailable($"{TesseractNative.Library} cannot be loaded ({e.Message})");
        }

        if (api.IsInvalid)
        {
            api.Dispose();
            throw Unavailable("TessBaseAPICreate returned no instance");
        }

        try
        {
            // tesseract's own chatter (warnings, "Empty page!!") goes to its debug file, stderr by default. The variable
            // is global to the library and takes effect before Init3 so that loading is quiet too.
            _ = TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
            if (TesseractNative.TessBaseAPIInit3(api, dataPath, language) != 0)
            {
                throw Unavailable($"tesseract could not load the language '{language}' from {dataPath}");
            }

            TesseractNative.TessBaseAPISetPageSegMode(api, TesseractNative.AutomaticPageSegmentation);
            return new TesseractInstance(api, language);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Recognises <paramref name="image"/>. Cancelling reaches into tesseract through its monitor's cancel callback,
    /// which it asks between words; page layout analysis before the first word is not interruptible.
    /// </summary>
    public OcrResult Recognize(RgbImage image, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SetImage(image);
        try
        {
            int status = RecognizeCancellably(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (status != 0)
            {
                throw new EngineException(ErrorKind.Internal, $"tesseract failed to recognise a {image.Width}x{image.Height} image (status {status})");
            }

            return ReadResult();
        }
        finally
        {
            // Drops the copied image and the results; the language stays loaded for the next call.
            TesseractNative.TessBaseAPIClear(_api);
        }
    }

    public void Dispose() => _api.Dispose();

    private static EngineException Unavailable(string reason) => new(
        ErrorKind.Unsupported,
        $"text recognition is unavailable: {reason}; install the Debian packages libtesseract5 tesseract-ocr-eng");

    /// <summary>SetImage copies the pixels into tesseract's own image, so they are pinned only for the call.</summary>
    private unsafe void SetImage(RgbImage image)
    {
        fixed (byte* pixels = image.Pixels)
        {
            TesseractNative.TessBaseAPISetImage(_api, pixels, image.Width, image.Height, 3, image.Stride);
        }

        TesseractNative.TessBaseAPISetSourceResolution(_api, AssumedResolution);
    }

    private unsafe int RecognizeCancellably(CancellationToken cancellationToken)
    {
        using TessMonitorHandle monitor = TesseractNative.TessMonitorCreate();
        if (monitor.IsInvalid)
        {
            throw new EngineException(ErrorKind.Internal, "TessMonitorCreate returned no monitor");
        }

        // The callback gets the token back through a GCHandle; the handle lives exactly as long as the native call.
        GCHandle token = GCHandle.Alloc(cancellationToken);
        try
        {
            TesseractNative.TessMonitorSetCancelFunc(monitor, (nint)(delegate* unmanaged<nint, int, byte>)&IsCancelRequested);
            TesseractNative.TessMonitorSetCancelThis(monitor, GCHandle.ToIntPtr(token));
            return TesseractNative.TessBaseAPIRecognize(_api, monitor);
        }
        finally
        {
            token.Free();
        }
    }

    /// <summary>tesseract's TessCancelFunc: true (1) stops the recognition, which then returns a non-zero status.</summary>
    [UnmanagedCallersOnly]
    private static byte IsCancelRequested(nint cancelThis, int words) =>
        GCHandle.FromIntPtr(cancelThis).Target is CancellationToken { IsCancellationRequested: true } ? (byte)1 : (byte)0;
}
