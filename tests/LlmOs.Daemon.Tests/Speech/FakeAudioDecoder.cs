using System.Buffers;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Tests.Speech;

/// <summary>
/// A fake of our decoder seam: bytes starting "RIFF" decode to one sample per byte, anything else is unsupported media.
/// Its stream decoder turns each byte into one sample, so tests can count what reached a feed.
/// </summary>
internal sealed class FakeAudioDecoder(AudioLimits limits) : IAudioDecoder
{
    public List<byte[]> Decoded { get; } = [];

    public RawAudioFormat? LastRaw { get; private set; }

    public AudioLimits Limits => limits;

    public AudioClip Decode(ReadOnlySpan<byte> data, RawAudioFormat? raw = null)
    {
        LastRaw = raw;
        if (raw is null && !data.StartsWith("RIFF"u8))
        {
            throw new EngineException(ErrorKind.UnsupportedMedia, "not a WAV file");
        }

        Decoded.Add(data.ToArray());
        return new AudioClip(new float[data.Length]);
    }

    public IAudioStreamDecoder OpenStream(RawAudioFormat? raw = null) => new ByteSamples();

    private sealed class ByteSamples : IAudioStreamDecoder
    {
        public int Push(ReadOnlySpan<byte> bytes, IBufferWriter<float> output)
        {
            var span = output.GetSpan(bytes.Length);
            for (int i = 0; i < bytes.Length; i++)
            {
                span[i] = bytes[i] / 255f;
            }

            output.Advance(bytes.Length);
            return bytes.Length;
        }

        public int Complete(IBufferWriter<float> output) => 0;
    }
}
