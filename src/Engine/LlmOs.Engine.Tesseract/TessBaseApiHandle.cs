using Microsoft.Win32.SafeHandles;

namespace LlmOs.Engine.Tesseract;

/// <summary>One tesseract instance (TessBaseAPI*): ended and deleted when released.</summary>
internal sealed class TessBaseApiHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TessBaseApiHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
        return true;
    }
}
