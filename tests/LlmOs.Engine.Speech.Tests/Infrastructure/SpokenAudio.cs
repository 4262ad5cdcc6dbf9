using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace LlmOs.Engine.Speech.Tests.Infrastructure;

/// <summary>
/// Spoken recordings made at test time by the <c>espeak-ng</c> program (Debian package espeak-ng), independent of
/// llmos' own synthesiser and audio decoder: the program's WAV (22,050 Hz, 16-bit, mono) and that speech as a 16 kHz
/// <see cref="AudioClip"/>.
/// </summary>
internal static class SpokenAudio
{
    /// <summary>The program's voices by language ("en-us") and its variants ("f3"), from <c>espeak-ng --voices</c>.</summary>
    private static readonly Lazy<(HashSet<string> Voices, HashSet<string> Variants)> Installed = new(ListInstalled);

    /// <summary>
    /// The WAV file <c>espeak-ng -v VOICE -s SPEED -w FILE</c> writes for <paramref name="text"/>. VOICE is a language
    /// ("en-us", "es") with an optional variant ("en-us+f3"); one the program does not have is refused here, as the
    /// program itself would silently speak with its default voice.
    /// </summary>
    public static async Task<byte[]> RecordWavAsync(
        string text, string voice = "en-us", int wordsPerMinute = 175, CancellationToken cancellationToken = default)
    {
        string[] parts = voice.Split('+');
        if (!Installed.Value.Voices.Contains(parts[0]) || (parts.Length > 1 && !Installed.Value.Variants.Contains(parts[1])) || parts.Length > 2)
        {
            throw new InvalidOperationException($"espeak-ng has no voice '{voice}'");
        }

        DirectoryInfo folder = System.IO.Directory.CreateTempSubdirectory("llmos-spoken-");
        try
        {
            string wav = Path.Combine(folder.FullName, "speech.wav");

            // The text goes in a file (-f), so text that starts with '-' is never read as an option.
            string textFile = Path.Combine(folder.FullName, "speech.txt");
            await File.WriteAllTextAsync(textFile, text, cancellationToken);
            var start = new ProcessStartInfo("espeak-ng")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            foreach (string argument in new[] { "-v", voice, "-s", wordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", wav, "-f", textFile })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start");
            Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
            Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            string stderr = await errors;
            await output;
            if (process.ExitCode != 0 || !File.Exists(wav))
            {
                throw new InvalidOperationException($"espeak-ng -v {voice} -s {wordsPerMinute} failed ({process.ExitCode}): {stderr}");
            }

            return await File.ReadAllBytesAsync(wav, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (HashSet<string> Voices, HashSet<string> Variants) ListInstalled()
    {
        var voices = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var variants = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // Columns: Pty, Language, Age/Gender, VoiceName, File, Other Languages; the first line is the header.
        foreach (string[] columns in ListVoices("--voices").Skip(1))
        {
            voices.Add(columns[1]);
        }

        foreach (string[] columns in ListVoices("--voices=variant").Skip(1))
        {
            variants.Add(columns[4].Replace("!v/", "", StringComparison.Ordinal));
        }

        return (voices, variants);
    }

    private static IEnumerable<string[]> ListVoices(string argument)
    {
        using var process = Process.Start(new ProcessStartInfo("espeak-ng", argument) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("espeak-ng did not start");
        string listing = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns.Length >= 5)
            .ToArray();
    }

    /// <summary>The speech of <paramref name="text"/> at 16 kHz, as the recognisers take it.</summary>
    public static async Task<AudioClip> RecordClipAsync(
        string text, string voice = "en-us", int wordsPerMinute = 175, CancellationToken cancellationToken = default) =>
        ToClip(await RecordWavAsync(text, voice, wordsPerMinute, cancellationToken));

    /// <summary>
    /// A 16 kHz clip from the simple WAV the program writes (PCM 16-bit mono, any rate), parsed here rather than by the
    /// audio decoder so tests of other parts do not depend on it.
    /// </summary>
    public static AudioClip ToClip(byte[] wav)
    {
        (short[] samples, int rate) = ReadPcm16Mono(wav);
        var input = new float[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            input[i] = samples[i] / 32768f;
        }

        return new AudioClip(Resampler.Resample(input, rate, AudioClip.SampleRate));
    }

    /// <summary>The samples and rate of a PCM 16-bit mono WAV file.</summary>
    public static (short[] Samples, int SampleRate) ReadPcm16Mono(byte[] wav)
    {
        ReadOnlySpan<byte> bytes = wav;
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes[..4]) != "RIFF" || Encoding.ASCII.GetString(bytes[8..12]) != "WAVE")
        {
            throw new InvalidDataException("not a RIFF WAVE file");
        }

        int rate = 0;
        int position = 12;
        while (position + 8 <= bytes.Length)
        {
            string id = Encoding.ASCII.GetString(bytes.Slice(position, 4));
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(position + 4, 4)), (uint)(bytes.Length - position - 8));
            ReadOnlySpan<byte> body = bytes.Slice(position + 8, size);
            if (id == "fmt ")
            {
                short format = BinaryPrimitives.ReadInt16LittleEndian(body);
                short channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                short bits = BinaryPrimitives.ReadInt16LittleEndian(body[14..]);
                if (format != 1 || channels != 1 || bits != 16)
                {
                    throw new InvalidDataException($"expected PCM 16-bit mono, got format {format}, {channels} channel(s), {bits} bits");
                }
            }
            else if (id == "data")
            {
                if (rate == 0)
                {
                    throw new InvalidDataException("the data chunk comes before the fmt chunk");
                }

                var samples = new short[size / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(i * 2)..]);
                }

                return (samples, rate);
            }

            position += 8 + size + (size & 1);
        }

        throw new InvalidDataException("no data chunk");
    }
}
