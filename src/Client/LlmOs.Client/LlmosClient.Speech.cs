using LlmOs.Client.Speech;
using LlmOs.Ipc.Speech;

namespace LlmOs.Client;

/// <summary>
/// Speech: transcription, spoken commands and speaking text. Audio is a file's bytes, a file by its path, or a stream read as
/// it arrives (<see cref="LlmosAudio"/>). A refusal throws <see cref="LlmosException"/>: <c>unsupported_media</c> for what is
/// not audio llmosd decodes, <c>too_large</c> over its limits, <c>needs_model</c> for open transcription without a speech
/// model. Cancelling the token cancels the task on the daemon.
/// </summary>
public sealed partial class LlmosClient
{
    /// <summary>Transcribes an audio file's bytes (WAV, MP3, Ogg/Opus).</summary>
    public Task<TranscriptionResponse> TranscribeAsync(ReadOnlyMemory<byte> audio, TranscribeOptions? options = null, CancellationToken cancellationToken = default) =>
        TranscribeAsync(LlmosAudio.FromBytes(audio), options, cancellationToken);

    /// <summary>Transcribes the audio file at <paramref name="path"/>.</summary>
    public Task<TranscriptionResponse> TranscribeAsync(string path, TranscribeOptions? options = null, CancellationToken cancellationToken = default) =>
        TranscribeAsync(LlmosAudio.FromFile(path), options, cancellationToken);

    /// <summary>Transcribes audio given as bytes, a file or a stream.</summary>
    public Task<TranscriptionResponse> TranscribeAsync(LlmosAudio audio, TranscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return Transport.TranscribeAsync(audio, options ?? new TranscribeOptions(), cancellationToken);
    }

    /// <summary>Understands a spoken command (an audio file's bytes) and runs what it asks.</summary>
    public Task<VoiceResultDto> VoiceAsync(ReadOnlyMemory<byte> audio, VoiceOptions? options = null, CancellationToken cancellationToken = default) =>
        VoiceAsync(LlmosAudio.FromBytes(audio), options, cancellationToken);

    /// <summary>Understands the spoken command in the audio file at <paramref name="path"/>.</summary>
    public Task<VoiceResultDto> VoiceAsync(string path, VoiceOptions? options = null, CancellationToken cancellationToken = default) =>
        VoiceAsync(LlmosAudio.FromFile(path), options, cancellationToken);

    /// <summary>
    /// Understands a spoken command while it is recorded: <paramref name="recording"/> is read as it arrives (raw PCM in
    /// <paramref name="pcm"/>'s format, or a WAV/Ogg stream when null) and llmosd answers once it hears the utterance end.
    /// </summary>
    public Task<VoiceResultDto> VoiceAsync(Stream recording, PcmFormat? pcm, VoiceOptions? options = null, CancellationToken cancellationToken = default) =>
        VoiceAsync(LlmosAudio.FromStream(recording, pcm), options, cancellationToken);

    /// <summary>Understands a spoken command given as bytes, a file or a stream.</summary>
    public Task<VoiceResultDto> VoiceAsync(LlmosAudio audio, VoiceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return Transport.VoiceAsync(audio, options ?? new VoiceOptions(), cancellationToken);
    }

    /// <summary>Speaks <paramref name="text"/> with espeak-ng in llmosd: a WAV file's bytes.</summary>
    public Task<byte[]> SpeakAsync(string text, SpeakOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return Transport.SpeakAsync(text, options ?? new SpeakOptions(), cancellationToken);
    }
}
