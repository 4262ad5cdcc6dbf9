using System.Buffers.Binary;
using System.Diagnostics;

namespace LlmOs.Engine.Speech.Tests.Audio;

/// <summary>
/// Test audio: jfk.wav from the shared models, converted here to other rates, widths and channel counts by simple
/// code of the test's own (not the decoder's), and encoded to MP3 and Ogg/Opus by the real lame and opusenc.
/// </summary>
internal static class AudioFixtures
{
    public static string ModelsDirectory
    {
        get
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

            throw new InvalidOperationException("no llmosd.sln above the test binaries");
        }
    }

    public static string JfkPath => Path.Combine(ModelsDirectory, "jfk.wav");

    /// <summary>jfk.wav's samples (16 kHz mono 16-bit), read by the test's own minimal parser.</summary>
    public static float[] JfkSamples()
    {
        byte[] file = File.ReadAllBytes(JfkPath);
        int position = 12;
        while (!file.AsSpan(position, 4).SequenceEqual("data"u8))
        {
            position += 8 + BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(position + 4));
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(position + 4));
        var samples = new float[length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(position + 8 + (2 * i))) / 32768f;
        }

        return samples;
    }

    /// <summary>Linear interpolation: crude, but an independent way to change the rate for tests.</summary>
    public static float[] ChangeRate(float[] input, int from, int to)
    {
        var output = new float[(int)((long)input.Length * to / from)];
        for (int i = 0; i < output.Length; i++)
        {
            double position = i * (double)from / to;
            int left = (int)position;
            int right = Math.Min(left + 1, input.Length - 1);
            double weight = position - left;
            output[i] = (float)((input[left] * (1 - weight)) + (input[right] * weight));
        }

        return output;
    }

    /// <summary>A 2:1 decimation that averages pairs (a gentle low-pass of its own).</summary>
    public static float[] Halve(float[] input)
    {
        var output = new float[input.Length / 2];
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = (input[2 * i] + input[(2 * i) + 1]) / 2;
        }

        return output;
    }

    /// <summary>Runs an encoder (lame, opusenc) and fails the test when it fails.</summary>
    public static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
    }

    /// <summary>A temporary directory for one test.</summary>
    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "llmos-audio-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
