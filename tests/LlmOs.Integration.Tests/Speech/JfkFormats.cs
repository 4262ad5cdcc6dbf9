using System.Text;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Integration.Tests.SpeechCli;

namespace LlmOs.Integration.Tests.Speech;

/// <summary>jfk.wav (16 kHz 16-bit mono) converted at test time into the other forms audio arrives in.</summary>
internal static class JfkFormats
{
    /// <summary>48 kHz stereo 32-bit float WAV: each sample three times over, on both channels.</summary>
    public static byte[] StereoFloat48k(byte[] jfk)
    {
        var (pcm, rate) = SpokenAudio.RawPcm(jfk);
        Assert.Equal(16_000, rate);
        int frames = pcm.Length / 2 * 3;
        using var output = new MemoryStream();
        using (var writer = new BinaryWriter(output, Encoding.ASCII, leaveOpen: true))
        {
            int data = frames * 2 * 4;
            writer.Write("RIFF"u8);
            writer.Write(36 + data);
            writer.Write("WAVEfmt "u8);
            writer.Write(16);
            writer.Write((short)3); // IEEE float
            writer.Write((short)2);
            writer.Write(48_000);
            writer.Write(48_000 * 2 * 4);
            writer.Write((short)(2 * 4));
            writer.Write((short)32);
            writer.Write("data"u8);
            writer.Write(data);
            for (int i = 0; i + 1 < pcm.Length; i += 2)
            {
                float sample = BitConverter.ToInt16(pcm, i) / 32768f;
                for (int k = 0; k < 3 * 2; k++)
                {
                    writer.Write(sample);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>MP3, encoded by the lame program.</summary>
    public static Task<byte[]> Mp3Async(TempDir dir) => EncodeAsync(dir, "jfk.mp3", "lame", ["--quiet", "-b", "64", SpokenAudio.Jfk]);

    /// <summary>Ogg/Opus, encoded by the opusenc program.</summary>
    public static Task<byte[]> OpusAsync(TempDir dir) => EncodeAsync(dir, "jfk.opus", "opusenc", ["--quiet", "--bitrate", "32", SpokenAudio.Jfk]);

    private static async Task<byte[]> EncodeAsync(TempDir dir, string name, string program, string[] args)
    {
        string path = dir.File(name);
        var run = await ProcessRunner.RunAsync(program, [.. args, path]);
        Assert.True(run.ExitCode == 0, $"{program} failed: {run.Stderr}");
        return await File.ReadAllBytesAsync(path);
    }
}
