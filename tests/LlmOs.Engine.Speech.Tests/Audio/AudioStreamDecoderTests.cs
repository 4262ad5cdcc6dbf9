using System.Buffers;
using LlmOs.Engine.Audio;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>Audio pushed in chunks of any size decodes to exactly what the whole file decodes to.</summary>
public sealed class AudioStreamDecoderTests
{
    private static readonly float[] Original = AudioFixtures.JfkSamples();
    private readonly AudioDecoder _decoder = new(new AudioLimits());

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomChunksGiveTheSamplesOfTheWholeFile(int seed)
    {
        float[] upsampled = AudioFixtures.ChangeRate(Original, 16_000, 44_100);
        byte[] file = TestWav.File([upsampled, upsampled], 44_100, TestWav.Kind.Pcm24);

        float[] whole = _decoder.Decode(file).Samples;
        float[] streamed = Stream(_decoder.OpenStream(), file, new Random(seed));

        Assert.Equal(whole, streamed);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(uint.MaxValue)]
    public void AStreamWithAnUnknownDataSizeDecodesToTheEnd(uint declared)
    {
        byte[] file = TestWav.File([AudioFixtures.ChangeRate(Original, 16_000, 48_000)], 48_000, TestWav.Kind.Ieee32, declaredData: declared);
        byte[] known = TestWav.File([AudioFixtures.ChangeRate(Original, 16_000, 48_000)], 48_000, TestWav.Kind.Ieee32);

        float[] streamed = Stream(_decoder.OpenStream(), file, new Random(7));

        Assert.Equal(_decoder.Decode(known).Samples, streamed);
    }

    [Fact]
    public void RawPcmStreamsLikeTheWholeRawFile()
    {
        var format = new RawAudioFormat(PcmEncoding.S16Le, 16_000, 1);
        byte[] raw = TestWav.Pcm([Original], TestWav.Kind.Pcm16);

        float[] streamed = Stream(_decoder.OpenStream(format), raw, new Random(11));

        Assert.Equal(_decoder.Decode(raw, format).Samples, streamed);
        Assert.Equal(Original.Length, streamed.Length);
    }

    [Fact]
    public void AStreamLongerThanTheLimitIsRefusedAsTheSamplesArrive()
    {
        var decoder = new AudioDecoder(new AudioLimits { MaxDuration = TimeSpan.FromSeconds(5) });
        byte[] file = TestWav.File([Original], 16_000, TestWav.Kind.Pcm16, declaredData: uint.MaxValue);
        IAudioStreamDecoder stream = decoder.OpenStream();
        var output = new ArrayBufferWriter<float>();

        var error = Assert.Throws<EngineException>(() =>
        {
            for (int offset = 0; offset < file.Length; offset += 4_000)
            {
                stream.Push(file.AsSpan(offset, Math.Min(4_000, file.Length - offset)), output);
            }
        });

        Assert.Equal(ErrorKind.TooLarge, error.Kind);
        Assert.InRange(output.WrittenCount, 4 * 16_000, 5 * 16_000);
    }

    [Fact]
    public void AStreamThatEndsInsideItsHeaderIsRefused()
    {
        IAudioStreamDecoder stream = _decoder.OpenStream();
        var output = new ArrayBufferWriter<float>();
        stream.Push(File.ReadAllBytes(AudioFixtures.JfkPath).AsSpan(0, 30), output);

        var error = Assert.Throws<EngineException>(() => stream.Complete(output));

        Assert.Equal(ErrorKind.UnsupportedMedia, error.Kind);
    }

    private static float[] Stream(IAudioStreamDecoder stream, byte[] file, Random random)
    {
        var output = new ArrayBufferWriter<float>();
        int offset = 0;
        while (offset < file.Length)
        {
            int size = Math.Min(random.Next(1, random.Next(2) == 0 ? 16 : 20_000), file.Length - offset);
            stream.Push(file.AsSpan(offset, size), output);
            offset += size;
        }

        stream.Complete(output);
        return output.WrittenSpan.ToArray();
    }
}
