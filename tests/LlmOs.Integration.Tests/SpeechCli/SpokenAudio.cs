using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.SpeechCli;

/// <summary>Speech recorded at test time with the real espeak-ng program (a new "speaker" for every run), and the shared jfk.wav.</summary>
internal static class SpokenAudio
{
    public static string Jfk => Path.Combine(TestPaths.Models, "jfk.wav");

    /// <summary>The Whisper test model (loads and runs; it has no trained weights, so it hears no words).</summary>
    public static string WhisperTestModel => Path.Combine(TestPaths.Models, "for-tests-ggml-tiny.en.bin");

    /// <summary>
    /// Says <paramref name="text"/> with espeak-ng into a WAV file (22050 Hz, 16-bit mono, as espeak-ng writes it). The
    /// default voice is a Klatt variant of the American voice: pocketsphinx's US-English model hears espeak-ng's plain
    /// formant voices ("en-us", "en-gb") right barely half the time, so recognition tests speak with the Klatt ones.
    /// </summary>
    public static async Task<string> RecordAsync(string path, string text, string voice = "en-us+klatt3", int wordsPerMinute = 140)
    {
        var run = await ProcessRunner.RunAsync("espeak-ng", ["-v", voice, "-s", wordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", path, text]);
        Assert.True(run.ExitCode == 0, $"espeak-ng failed: {run.Stderr}");
        return path;
    }

    /// <summary>The samples of a PCM WAV file without its header (its "data" chunk), and its sample rate.</summary>
    public static (byte[] Pcm, int Rate) RawPcm(byte[] wav)
    {
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        int rate = BitConverter.ToInt32(wav, 24);
        int at = 12;
        while (at + 8 <= wav.Length)
        {
            string id = System.Text.Encoding.ASCII.GetString(wav, at, 4);
            int size = BitConverter.ToInt32(wav, at + 4);
            if (id == "data")
            {
                int length = Math.Min(size < 0 ? int.MaxValue : size, wav.Length - at - 8);
                return (wav.AsSpan(at + 8, length).ToArray(), rate);
            }

            at += 8 + size + (size & 1);
        }

        throw new InvalidDataException("the WAV file has no data chunk");
    }

    /// <summary>Whether <paramref name="bytes"/> are a RIFF WAVE file with some audio after its header.</summary>
    public static void AssertWav(byte[] bytes)
    {
        Assert.True(bytes.Length > 44 + 1000, $"a WAV of {bytes.Length} bytes holds next to no audio");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        var (pcm, rate) = RawPcm(bytes);
        Assert.InRange(rate, 8000, 48000);
        Assert.Contains(pcm, b => b != 0);
    }
}
