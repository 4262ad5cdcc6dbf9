using Microsoft.Win32.SafeHandles;

namespace LlmOs.Engine.Tesseract;

/// <summary>A result iterator (TessResultIterator*) from TessBaseAPIGetIterator, owned by the caller.</summary>
internal sealed class TessResultIteratorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TessResultIteratorHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessResultIteratorDelete(handle);
        return true;
    }
}
