using System.Buffers;

namespace LlmOs.Engine.Speech;

/// <summary>
/// A band-limited resampler for audio that arrives in chunks: it keeps the input the filter still needs between
/// pushes, so the output is continuous across chunk boundaries and equal, sample for sample, to resampling the whole.
/// Output sample n sits at input position n·from/to (kept exact as a fraction); it is written once every input sample
/// its kernel reaches has arrived, and <see cref="Complete"/> writes the rest with silence beyond the end.
/// </summary>
public sealed class StreamingResampler
{
    private const int WriteBatch = 256;

    private readonly long _up;
    private readonly long _down;
    private readonly double _ratio;
    private readonly double _halfWidth;
    private readonly bool _passThrough;

    private float[] _buffer = new float[1024];
    private int _count;
    private long _bufferStart;
    private long _received;
    private long _next;
    private bool _completed;

    public StreamingResampler(int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        long divisor = GreatestCommonDivisor(fromRate, toRate);
        _up = toRate / divisor;
        _down = fromRate / divisor;
        _passThrough = fromRate == toRate;
        _ratio = Math.Min(1.0, toRate / (double)fromRate) * SincKernel.Cutoff;
        _halfWidth = SincKernel.ZeroCrossings / _ratio;
    }

    /// <summary>Resamples <paramref name="input"/> after what came before; returns how many samples it appended.</summary>
    public int Push(ReadOnlySpan<float> input, IBufferWriter<float> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_completed)
        {
            throw new InvalidOperationException("the resampler has completed");
        }

        if (_passThrough)
        {
            output.Write(input);
            return input.Length;
        }

        Append(input);
        return Produce(output, final: false);
    }

    /// <summary>The end of the input: appends the samples whose kernels reach past it.</summary>
    public int Complete(IBufferWriter<float> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_completed)
        {
            return 0;
        }

        _completed = true;
        return _passThrough ? 0 : Produce(output, final: true);
    }

    private void Append(ReadOnlySpan<float> input)
    {
        if (_count + input.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + input.Length));
        }

        input.CopyTo(_buffer.AsSpan(_count));
        _count += input.Length;
        _received += input.Length;
    }

    private int Produce(IBufferWriter<float> output, bool final)
    {
        int produced = 0;
        Span<float> batch = output.GetSpan(WriteBatch);
        int inBatch = 0;
        while (true)
        {
            long numerator = _next * _down;
            double position = (numerator / _up) + ((numerator % _up) / (double)_up);
            long last = (long)Math.Floor(position + _halfWidth);
            if (final ? numerator >= _received * _up : last >= _received)
            {
                break;
            }

            long first = Math.Max((long)Math.Ceiling(position - _halfWidth), _bufferStart);
            last = Math.Min(last, _received - 1);
            double sum = 0;
            for (long i = first; i <= last; i++)
            {
                sum += _buffer[i - _bufferStart] * SincKernel.At((i - position) * _ratio);
            }

            if (inBatch == batch.Length)
            {
                output.Advance(inBatch);
                batch = output.GetSpan(WriteBatch);
                inBatch = 0;
            }

            batch[inBatch++] = (float)(sum * _ratio);
            produced++;
            _next++;
        }

        output.Advance(inBatch);
        Trim();
        return produced;
    }

    /// <summary>Drops the input no later output sample's kernel reaches.</summary>
    private void Trim()
    {
        long keepFrom = (_next * _down / _up) - (long)Math.Ceiling(_halfWidth) - 1;
        int drop = (int)Math.Clamp(keepFrom - _bufferStart, 0, _count);
        if (drop == 0)
        {
            return;
        }

        Array.Copy(_buffer, drop, _buffer, 0, _count - drop);
        _count -= drop;
        _bufferStart += drop;
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
