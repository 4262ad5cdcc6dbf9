namespace LlmOs.Client.Speech;

/// <summary>
/// Audio to send to llmosd: a file's bytes in memory, a file by its path, or a <see cref="Stream"/> read as it arrives (a
/// microphone being recorded, stdin). A path or a stream lets a transport hand llmosd the audio as it goes: the socket sends
/// it as the request's body (a stream chunked, as it is read), D-Bus passes a file descriptor (the file's own, or a pipe's
/// that the stream is copied into). WAV, MP3 and Ogg/Opus are recognised by llmosd; raw PCM needs its <see cref="Pcm"/> format.
/// </summary>
public sealed class LlmosAudio
{
    private LlmosAudio(ReadOnlyMemory<byte> bytes, string? path, Stream? stream, PcmFormat? pcm)
    {
        Bytes = bytes;
        Path = path;
        Stream = stream;
        Pcm = pcm;
    }

    /// <summary>The audio's bytes; empty for audio given by its <see cref="Path"/> or as a <see cref="Stream"/>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The audio file's full path, or null.</summary>
    public string? Path { get; }

    /// <summary>The stream the audio is read from as it arrives, or null. The transport reads it to its end but does not dispose it.</summary>
    public Stream? Stream { get; }

    /// <summary>The format of raw PCM audio (no header); null for a file llmosd recognises by its header.</summary>
    public PcmFormat? Pcm { get; }

    /// <summary>An audio file's bytes (WAV, MP3, Ogg/Opus), or raw PCM when <paramref name="pcm"/> says its format.</summary>
    public static LlmosAudio FromBytes(ReadOnlyMemory<byte> bytes, PcmFormat? pcm = null) => new(bytes, null, null, pcm);

    /// <summary>An audio file, opened when the request is sent (a file that cannot be read throws then, before anything reaches llmosd).</summary>
    public static LlmosAudio FromFile(string path, PcmFormat? pcm = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(default, System.IO.Path.GetFullPath(path), null, pcm);
    }

    /// <summary>Audio read from <paramref name="stream"/> as it arrives, until its end or until llmosd has heard the utterance out.</summary>
    public static LlmosAudio FromStream(Stream stream, PcmFormat? pcm = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new(default, null, stream, pcm);
    }
}
