using System.Runtime.InteropServices;

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>A pocketsphinx decoder (<c>ps_decoder_t</c>), freed once with <c>ps_free</c> (which also frees its configuration).</summary>
internal sealed class DecoderHandle : SafeHandle
{
    public DecoderHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => Native.Free(handle) >= 0;
}
