using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Audio;

/// <summary>The <see cref="PcmLayout"/> of declared raw PCM, refused when llmos does not take its rate or channels.</summary>
internal static class RawLayout
{
    public static PcmLayout From(RawAudioFormat raw)
    {
        SampleEncoding encoding = raw.Encoding switch
        {
            PcmEncoding.U8 => SampleEncoding.Unsigned8,
            PcmEncoding.S16Le => SampleEncoding.Signed16,
            PcmEncoding.S24Le => SampleEncoding.Signed24,
            PcmEncoding.S32Le => SampleEncoding.Signed32,
            PcmEncoding.F32Le => SampleEncoding.Float32,
            _ => throw AudioRefusals.Unsupported($"the raw PCM encoding {raw.Encoding} is not supported"),
        };
        var layout = new PcmLayout(encoding, raw.Channels, raw.SampleRate);
        layout.Validate();
        return layout;
    }
}
