using System.Buffers;
using LlmOs.Engine.Audio;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>
/// Thousands of mutated WAV, MP3 and Ogg/Opus files (bytes flipped, cut, repeated, inserted): each either decodes or is
/// refused with an <see cref="EngineException"/>; nothing else ever escapes, whole or streamed.
/// </summary>
public sealed class AudioDecoderFuzzTests
{
    private const int Iterations = 1_200;

    private static readonly Lazy<(byte[] Wav, byte[] Mp3, byte[] Opus)> Seeds = new(MakeSeeds);

    public static TheoryData<string> Formats => new() { "wav", "mp3", "opus" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void MutatedFilesOnlyEverFailWithEngineExceptions(string format)
    {
        byte[] seed = format switch { "wav" => Seeds.Value.Wav, "mp3" => Seeds.Value.Mp3, _ => Seeds.Value.Opus };
        var decoder = new AudioDecoder(new AudioLimits { MaxDuration = TimeSpan.FromSeconds(30) });
        var random = new Random(format.Length * 7919);
        int decoded = 0, refused = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte[] mutant = Mutate(seed, random);
            try
            {
                decoder.Decode(mutant);
                decoded++;
            }
            catch (EngineException error) when (error.Kind is ErrorKind.UnsupportedMedia or ErrorKind.TooLarge)
            {
                refused++;
            }

            if (format == "wav")
            {
                StreamQuietly(decoder, mutant, random);
            }
        }

        // Both outcomes happen: the mutations reach past the headers into refusals and into decodable audio.
        Assert.True(decoded > 0 && refused > 0, $"decoded {decoded}, refused {refused}");
    }

    private static void StreamQuietly(AudioDecoder decoder, byte[] file, Random random)
    {
        IAudioStreamDecoder stream = decoder.OpenStream();
        var output = new ArrayBufferWriter<float>();
        try
        {
            for (int offset = 0; offset < file.Length;)
            {
                int size = Math.Min(random.Next(1, 3_000), file.Length - offset);
                stream.Push(file.AsSpan(offset, size), output);
                offset += size;
            }

            stream.Complete(output);
        }
        catch (EngineException error) when (error.Kind is ErrorKind.UnsupportedMedia or ErrorKind.TooLarge)
        {
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int mutations = random.Next(1, 9);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            // Headers are where parsers break: half the mutations land in the first 64 bytes.
            int at = random.Next(2) == 0 ? random.Next(Math.Min(64, bytes.Count)) : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = random.Next(2) == 0 ? (byte)0 : (byte)0xFF; break;
                case 2: bytes[at] = (byte)random.Next(256); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                case 4: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 400), bytes.Count - at))); break;
                default: bytes.RemoveRange(at, Math.Min(random.Next(1, 50), bytes.Count - at)); break;
            }
        }

        return [.. bytes];
    }

    private static (byte[] Wav, byte[] Mp3, byte[] Opus) MakeSeeds()
    {
        float[] second = AudioFixtures.JfkSamples()[16_000..32_000];
        string dir = AudioFixtures.TempDirectory();
        string wav = Path.Combine(dir, "second.wav");
        File.WriteAllBytes(wav, TestWav.Mono16(second, 16_000));
        AudioFixtures.Run("lame", "--quiet", "-b", "32", wav, Path.Combine(dir, "second.mp3"));
        AudioFixtures.Run("opusenc", "--quiet", "--bitrate", "24", wav, Path.Combine(dir, "second.opus"));
        var seeds = (File.ReadAllBytes(wav), File.ReadAllBytes(Path.Combine(dir, "second.mp3")), File.ReadAllBytes(Path.Combine(dir, "second.opus")));
        Directory.Delete(dir, recursive: true);
        return seeds;
    }
}
