using System.Buffers.Binary;
using LlmOs.Engine.Audio;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>Bad audio is refused with its kind and a message that says why — never another exception.</summary>
public sealed class AudioDecoderRefusalTests
{
    private static readonly float[] Original = AudioFixtures.JfkSamples();
    private readonly AudioDecoder _decoder = new(new AudioLimits());

    [Fact]
    public void RandomBytesAreNotAudio()
    {
        var bytes = new byte[10_000];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0;

        AssertRefused(bytes, ErrorKind.UnsupportedMedia, "not audio");
    }

    [Fact]
    public void ZeroBytesAreRefused() => AssertRefused([], ErrorKind.UnsupportedMedia, "empty");

    [Fact]
    public void AWavHeaderAnnouncingMoreDataThanThereIsIsTruncated()
    {
        byte[] file = File.ReadAllBytes(AudioFixtures.JfkPath);

        AssertRefused(file.AsSpan(0, file.Length / 2).ToArray(), ErrorKind.UnsupportedMedia, "truncated");
    }

    [Fact]
    public void AWavCutInsideItsHeaderIsTruncated()
    {
        byte[] file = File.ReadAllBytes(AudioFixtures.JfkPath);

        AssertRefused(file.AsSpan(0, 30).ToArray(), ErrorKind.UnsupportedMedia, "truncated");
    }

    [Fact]
    public void AHeaderDeclaringTwoHoursIsTooLargeBeforeAnySampleIsRead()
    {
        uint twoHours = 2 * 3600 * 16_000 * 2;
        byte[] file = TestWav.File([Original[..1_000]], 16_000, TestWav.Kind.Pcm16, declaredData: twoHours);

        AssertRefused(file, ErrorKind.TooLarge, "2 h");
    }

    [Fact]
    public void MoreBytesThanTheLimitAreTooLarge()
    {
        var decoder = new AudioDecoder(new AudioLimits { MaxBytes = 100_000 });

        var error = Assert.Throws<EngineException>(() => decoder.Decode(File.ReadAllBytes(AudioFixtures.JfkPath)));

        Assert.Equal(ErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public void LongerThanTheLimitIsTooLargeForEveryFormat()
    {
        var decoder = new AudioDecoder(new AudioLimits { MaxDuration = TimeSpan.FromSeconds(5) });
        string dir = AudioFixtures.TempDirectory();
        AudioFixtures.Run("lame", "--quiet", "-b", "32", AudioFixtures.JfkPath, Path.Combine(dir, "jfk.mp3"));
        AudioFixtures.Run("opusenc", "--quiet", AudioFixtures.JfkPath, Path.Combine(dir, "jfk.opus"));
        byte[] raw = TestWav.Pcm([Original], TestWav.Kind.Pcm16);

        Assert.Equal(ErrorKind.TooLarge, Assert.Throws<EngineException>(() => decoder.Decode(File.ReadAllBytes(AudioFixtures.JfkPath))).Kind);
        Assert.Equal(ErrorKind.TooLarge, Assert.Throws<EngineException>(() => decoder.Decode(File.ReadAllBytes(Path.Combine(dir, "jfk.mp3")))).Kind);
        Assert.Equal(ErrorKind.TooLarge, Assert.Throws<EngineException>(() => decoder.Decode(File.ReadAllBytes(Path.Combine(dir, "jfk.opus")))).Kind);
        Assert.Equal(ErrorKind.TooLarge, Assert.Throws<EngineException>(() => decoder.Decode(raw, new RawAudioFormat(PcmEncoding.S16Le, 16_000, 1))).Kind);
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData(2, "ADPCM")]
    [InlineData(6, "A-law")]
    [InlineData(7, "mu-law")]
    [InlineData(0x55, "MPEG layer 3")]
    public void AnUnsupportedWavCodecIsRefusedByName(ushort tag, string name)
    {
        byte[] file = TestWav.File([Original[..16_000]], 16_000, TestWav.Kind.Pcm16, tag: tag);

        AssertRefused(file, ErrorKind.UnsupportedMedia, name);
    }

    [Fact]
    public void OggVorbisIsRefusedByName() => AssertRefused(TestOgg.Vorbis(), ErrorKind.UnsupportedMedia, "Vorbis");

    [Fact]
    public void AnMp3CutInsideAFrameIsTruncated()
    {
        string dir = AudioFixtures.TempDirectory();
        string mp3 = Path.Combine(dir, "jfk.mp3");
        AudioFixtures.Run("lame", "--quiet", "-b", "64", AudioFixtures.JfkPath, mp3);
        byte[] file = File.ReadAllBytes(mp3);
        Directory.Delete(dir, recursive: true);

        AssertRefused(file.AsSpan(0, (file.Length * 3 / 5) + 7).ToArray(), ErrorKind.UnsupportedMedia, "truncated");
    }

    [Fact]
    public void AnOggOpusCutInsideAPageIsTruncated()
    {
        string dir = AudioFixtures.TempDirectory();
        string opus = Path.Combine(dir, "jfk.opus");
        AudioFixtures.Run("opusenc", "--quiet", AudioFixtures.JfkPath, opus);
        byte[] file = File.ReadAllBytes(opus);
        Directory.Delete(dir, recursive: true);

        AssertRefused(file.AsSpan(0, file.Length - 100).ToArray(), ErrorKind.UnsupportedMedia, "truncated");
    }

    [Theory]
    [InlineData(4_000, 1)]
    [InlineData(16_000, 0)]
    [InlineData(400_000, 1)]
    public void RawPcmOfAnUnsupportedRateOrChannelCountIsRefused(int rate, int channels)
    {
        var error = Assert.Throws<EngineException>(() => _decoder.Decode(new byte[100], new RawAudioFormat(PcmEncoding.S16Le, rate, channels)));

        Assert.Equal(ErrorKind.UnsupportedMedia, error.Kind);
    }

    [Fact]
    public void ABlockAlignThatDoesNotMatchTheFormatIsRefused()
    {
        byte[] file = TestWav.File([Original[..1_000]], 16_000, TestWav.Kind.Pcm16);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), 3);

        AssertRefused(file, ErrorKind.UnsupportedMedia, "block align");
    }

    private void AssertRefused(byte[] bytes, ErrorKind kind, string said)
    {
        var error = Assert.Throws<EngineException>(() => _decoder.Decode(bytes));
        Assert.Equal(kind, error.Kind);
        Assert.Contains(said, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
