using System.Diagnostics;
using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Speech.Tests.Commands;

/// <summary>Spoken test audio made with the espeak-ng program: its 22,050 Hz 16-bit WAV, resampled to 16 kHz.</summary>
internal static class EspeakRecording
{
    public static async Task<AudioClip> SpeakAsync(string text, string voice = "en-us", int speed = 160)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "-v", voice, "-s", speed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stdout", text })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var wav = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(wav);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return Parse(wav.ToArray());
    }

    /// <summary>The samples of a 16-bit mono PCM WAV (espeak-ng writes its data size as unknown, so read to the end).</summary>
    private static AudioClip Parse(byte[] wav)
    {
        int rate = BitConverter.ToInt32(wav, 24);
        int at = 12;
        while (at + 8 <= wav.Length && !(wav[at] == 'd' && wav[at + 1] == 'a' && wav[at + 2] == 't' && wav[at + 3] == 'a'))
        {
            at += 8 + BitConverter.ToInt32(wav, at + 4);
        }

        at += 8;
        var samples = new float[(wav.Length - at) / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = BitConverter.ToInt16(wav, at + (2 * i)) / 32768f;
        }

        return new AudioClip(Resampler.Resample(samples, rate, AudioClip.SampleRate));
    }
}
