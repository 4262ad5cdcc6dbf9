using System.Diagnostics;
using LlmOs.Engine.Speech;

namespace LlmOs.Bench;

public static partial class SpeechBench
{
    /// <summary>Commands spoken by the real espeak-ng program, as the tests make them.</summary>
    private static class Espeak
    {
        public static async Task<string> RecordAsync(string path, string text, string voice, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo("espeak-ng") { RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in (string[])["-v", voice, "-s", "160", "-w", path, text])
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start espeak-ng");
            string error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? path : throw new InvalidOperationException($"espeak-ng failed: {error}");
        }
    }

    /// <summary>
    /// 16-bit PCM WAV files (what espeak-ng writes, and jfk.wav) as 16 kHz mono clips, by the bench's own reader and a
    /// linear resampler: the bench's input, outside what is measured.
    /// </summary>
    private static class BenchWav
    {
        public static AudioClip Read(string path) => Read(File.ReadAllBytes(path));

        public static AudioClip Read(byte[] wav)
        {
            var (data, rate, channels) = Data(wav);
            int frames = data.Length / 2 / channels;
            var mono = new float[frames];
            for (int i = 0; i < frames; i++)
            {
                float sum = 0;
                for (int c = 0; c < channels; c++)
                {
                    sum += BitConverter.ToInt16(data, ((i * channels) + c) * 2) / 32768f;
                }

                mono[i] = sum / channels;
            }

            if (rate == AudioClip.SampleRate)
            {
                return new AudioClip(mono);
            }

            var resampled = new float[(int)((long)frames * AudioClip.SampleRate / rate)];
            double step = rate / (double)AudioClip.SampleRate;
            for (int i = 0; i < resampled.Length; i++)
            {
                double x = i * step;
                int j = (int)x;
                float next = j + 1 < frames ? mono[j + 1] : mono[j];
                resampled[i] = (float)(mono[j] + ((next - mono[j]) * (x - j)));
            }

            return new AudioClip(resampled);
        }

        /// <summary>How many bytes of the file carry <paramref name="span"/> of audio.</summary>
        public static int BytesPer(byte[] wav, TimeSpan span)
        {
            var (_, rate, channels) = Data(wav);
            return (int)(rate * span.TotalSeconds) * channels * 2;
        }

        private static (byte[] Data, int Rate, int Channels) Data(byte[] wav)
        {
            if (wav.Length < 44 || wav[0] != 'R' || wav[8] != 'W')
            {
                throw new InvalidDataException("not a WAV file");
            }

            int channels = BitConverter.ToInt16(wav, 22);
            int rate = BitConverter.ToInt32(wav, 24);
            int at = 12;
            while (at + 8 <= wav.Length)
            {
                string id = System.Text.Encoding.ASCII.GetString(wav, at, 4);
                int size = BitConverter.ToInt32(wav, at + 4);
                if (id == "data")
                {
                    return (wav.AsSpan(at + 8, Math.Min(size, wav.Length - at - 8)).ToArray(), rate, channels);
                }

                at += 8 + size + (size & 1);
            }

            throw new InvalidDataException("the WAV file has no data chunk");
        }
    }

    /// <summary>A temp folder for the recordings, deleted at the end.</summary>
    private sealed class TempFolder : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("llmos-speech-bench-");

        public string File(string name) => Path.Combine(_dir.FullName, name);

        public void Dispose() => _dir.Delete(recursive: true);
    }
}
