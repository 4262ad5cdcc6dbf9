using System.Buffers;
using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Audio;

/// <summary>
/// Decodes a WAV stream (its header first; a data size of 0 or 0xFFFFFFFF is unknown) or raw PCM as its bytes arrive.
/// A chunk may end anywhere — inside the header or a sample — and what it cut is kept for the next; the resampler keeps
/// its state, so the output equals decoding the whole. The limit on duration is enforced as samples arrive.
/// </summary>
internal sealed class PcmStreamDecoder : IAudioStreamDecoder
{
    private readonly AudioLimits _limits;
    private byte[] _header = new byte[256];
    private int _headerCount;
    private long _headerNeeded;
    private readonly byte[] _partial = new byte[PcmLayout.MaxChannels * 8];
    private PcmLayout? _layout;
    private StreamingResampler? _resampler;
    private long? _remaining;
    private int _partialCount;
    private long _frames;
    private bool _completed;

    public PcmStreamDecoder(AudioLimits limits, PcmLayout? raw)
    {
        _limits = limits;
        if (raw is { } layout)
        {
            Begin(layout, null);
        }
    }

    public int Push(ReadOnlySpan<byte> bytes, IBufferWriter<float> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_completed)
        {
            throw new InvalidOperationException("the audio stream has completed");
        }

        if (_layout is null)
        {
            if (_headerCount + bytes.Length > _header.Length)
            {
                Array.Resize(ref _header, Math.Max(_header.Length * 2, _headerCount + bytes.Length));
            }

            bytes.CopyTo(_header.AsSpan(_headerCount));
            _headerCount += bytes.Length;
            ReadOnlySpan<byte> buffered = _header.AsSpan(0, _headerCount);
            if (_headerCount >= 4 && !buffered[..4].SequenceEqual("RIFF"u8))
            {
                throw AudioRefusals.Unsupported("the audio stream is not WAV (it does not start with RIFF) and no raw format was declared");
            }

            // Parse again only once the bytes the last attempt lacked have come: a header sent byte by byte stays linear.
            if (_headerCount < _headerNeeded || WavHeaderReader.TryRead(buffered, streaming: true, out _headerNeeded) is not { } header)
            {
                return 0;
            }

            if (header.DeclaredFrames is { } declared)
            {
                AudioRefusals.CheckDuration(declared, header.Layout.SampleRate, _limits.MaxDuration);
            }

            Begin(header.Layout, header.DataLength);
            bytes = buffered[header.DataOffset..];
            _header = [];
        }

        return Samples(bytes, output);
    }

    public int Complete(IBufferWriter<float> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_completed)
        {
            return 0;
        }

        _completed = true;
        return _resampler is null
            ? throw AudioRefusals.Truncated(_headerCount == 0 ? "the audio stream ended before any byte" : "the audio stream ended inside its WAV header")
            : _resampler.Complete(output);
    }

    private void Begin(PcmLayout layout, long? dataLength)
    {
        _layout = layout;
        _remaining = dataLength;
        _resampler = new StreamingResampler(layout.SampleRate, AudioClip.SampleRate);
    }

    private int Samples(ReadOnlySpan<byte> bytes, IBufferWriter<float> output)
    {
        PcmLayout layout = _layout!.Value;
        if (_remaining is { } remaining)
        {
            // Bytes after the announced data are other chunks (or junk): not samples.
            bytes = bytes[..(int)Math.Min(bytes.Length, remaining)];
            _remaining = remaining - bytes.Length;
        }

        int frameBytes = layout.FrameBytes;
        int produced = 0;
        if (_partialCount > 0)
        {
            int take = Math.Min(frameBytes - _partialCount, bytes.Length);
            bytes[..take].CopyTo(_partial.AsSpan(_partialCount));
            _partialCount += take;
            bytes = bytes[take..];
            if (_partialCount < frameBytes)
            {
                return 0;
            }

            produced += Convert(_partial.AsSpan(0, frameBytes), layout, output);
            _partialCount = 0;
        }

        int whole = bytes.Length / frameBytes * frameBytes;
        produced += Convert(bytes[..whole], layout, output);
        bytes[whole..].CopyTo(_partial);
        _partialCount = bytes.Length - whole;
        return produced;
    }

    private int Convert(ReadOnlySpan<byte> frames, PcmLayout layout, IBufferWriter<float> output)
    {
        int count = frames.Length / layout.FrameBytes;
        if (count == 0)
        {
            return 0;
        }

        _frames += count;
        AudioRefusals.CheckDuration(_frames, layout.SampleRate, _limits.MaxDuration);
        float[] mono = ArrayPool<float>.Shared.Rent(count);
        try
        {
            PcmConverter.ToMono(frames, layout, mono.AsSpan(0, count));
            return _resampler!.Push(mono.AsSpan(0, count), output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(mono);
        }
    }
}
