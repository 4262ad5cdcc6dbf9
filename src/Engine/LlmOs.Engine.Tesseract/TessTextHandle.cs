using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LlmOs.Engine.Tesseract;

/// <summary>A UTF-8 string tesseract allocated (char*), freed with TessDeleteText. Null when there was no text.</summary>
internal sealed class TessTextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TessTextHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>The text, or an empty string for a null pointer.</summary>
    public string Read() => IsInvalid ? string.Empty : Marshal.PtrToStringUTF8(handle) ?? string.Empty;

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessDeleteText(handle);
        return true;
    }
}
