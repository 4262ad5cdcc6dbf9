using Microsoft.Win32.SafeHandles;

namespace LlmOs.Engine.Tesseract;

/// <summary>A progress monitor (ETEXT_DESC*) that carries the cancel callback into a recognition.</summary>
internal sealed class TessMonitorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TessMonitorHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessMonitorDelete(handle);
        return true;
    }
}
