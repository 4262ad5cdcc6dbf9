using System.Runtime.InteropServices;

namespace LlmOs.Engine.Tesseract;

/// <summary>
/// Every entry point of tesseract's C API (capi.h) that llmos calls, bound to Debian's <c>libtesseract.so.5</c>
/// (package libtesseract5; the unversioned name exists only with the -dev package). <c>BOOL</c> is a C <c>int</c>;
/// the cancel callback's <c>bool</c> is one byte.
/// </summary>
internal static partial class TesseractNative
{
    public const string Library = "libtesseract.so.5";

    /// <summary>TessPageIteratorLevel.RIL_TEXTLINE: iterate and measure whole text lines.</summary>
    public const int TextLineLevel = 2;

    /// <summary>TessPageSegMode.PSM_AUTO: full page layout analysis without orientation detection (the CLI's default).</summary>
    public const int AutomaticPageSegmentation = 3;

    [LibraryImport(Library)]
    public static partial TessBaseApiHandle TessBaseAPICreate();

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(nint handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(nint handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(TessBaseApiHandle handle, string datapath, string language);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(TessBaseApiHandle handle, string name, string value);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(TessBaseApiHandle handle, int mode);

    [LibraryImport(Library)]
    public static unsafe partial void TessBaseAPISetImage(
        TessBaseApiHandle handle, byte* imagedata, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(TessBaseApiHandle handle, int ppi);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(TessBaseApiHandle handle, TessMonitorHandle monitor);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIMeanTextConf(TessBaseApiHandle handle);

    [LibraryImport(Library)]
    public static partial TessResultIteratorHandle TessBaseAPIGetIterator(TessBaseApiHandle handle);

    /// <summary>Frees the recognition results and the image, keeping the loaded language.</summary>
    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(TessBaseApiHandle handle);

    [LibraryImport(Library)]
    public static partial void TessDeleteText(nint text);

    [LibraryImport(Library)]
    public static partial void TessResultIteratorDelete(nint handle);

    /// <summary>The page iterator is the result iterator itself, seen as its base class: not separately owned.</summary>
    [LibraryImport(Library)]
    public static partial nint TessResultIteratorGetPageIterator(TessResultIteratorHandle handle);

    [LibraryImport(Library)]
    public static partial TessTextHandle TessResultIteratorGetUTF8Text(TessResultIteratorHandle handle, int level);

    [LibraryImport(Library)]
    public static partial float TessResultIteratorConfidence(TessResultIteratorHandle handle, int level);

    [LibraryImport(Library)]
    public static partial int TessResultIteratorNext(TessResultIteratorHandle handle, int level);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorBoundingBox(
        nint pageIterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library)]
    public static partial TessMonitorHandle TessMonitorCreate();

    [LibraryImport(Library)]
    public static partial void TessMonitorDelete(nint monitor);

    /// <summary><c>cancelFunc</c>: <c>bool (*)(void* cancel_this, int words)</c>, asked between words while recognising.</summary>
    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelFunc(TessMonitorHandle monitor, nint cancelFunc);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelThis(TessMonitorHandle monitor, nint cancelThis);
}
