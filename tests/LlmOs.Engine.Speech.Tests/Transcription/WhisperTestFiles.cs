using System.Buffers.Binary;
using System.Text;
using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Speech.Tests.Transcription;

/// <summary>The Whisper test model and jfk.wav from the shared test models (LLMOS_TEST_MODELS, else ../shared/models beside the repository).</summary>
internal static class WhisperTestFiles
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string TinyModel => Path.Combine(Folder.Value, "for-tests-ggml-tiny.en.bin");

    public static string Jfk => Path.Combine(Folder.Value, "jfk.wav");

    /// <summary>jfk.wav's samples: 16 kHz mono 16-bit PCM, read by walking its RIFF chunks to "data" (it has a LIST chunk before it).</summary>
    public static AudioClip ReadJfk()
    {
        byte[] file = File.ReadAllBytes(Jfk);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(file, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(file, 8, 4));
        int at = 12;
        while (at + 8 <= file.Length)
        {
            string id = Encoding.ASCII.GetString(file, at, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(at + 4));
            if (id == "fmt ")
            {
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(at + 8)));
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(at + 10)));
                Assert.Equal(16_000, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(at + 12)));
                Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(at + 22)));
            }
            else if (id == "data")
            {
                var data = file.AsSpan(at + 8, Math.Min(size, file.Length - at - 8));
                var samples = new float[data.Length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]) / 32768f;
                }

                return new AudioClip(samples);
            }

            at += 8 + size + (size & 1);
        }

        throw new InvalidDataException("jfk.wav has no data chunk");
    }

    private static string Find()
    {
        string? configured = Environment.GetEnvironmentVariable("LLMOS_TEST_MODELS");
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "llmosd.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "models"));
            }
        }

        throw new InvalidOperationException($"no llmosd.sln above {AppContext.BaseDirectory}");
    }
}
