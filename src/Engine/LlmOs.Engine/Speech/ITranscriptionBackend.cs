using LlmOs.Engine.Models;

namespace LlmOs.Engine.Speech;

/// <summary>Open dictation (Whisper.net): loads <see cref="ModelKind.Speech"/> models (ggml Whisper files).</summary>
public interface ITranscriptionBackend
{
    /// <summary>Loads <paramref name="model"/>; a file that is not a Whisper model is <see cref="Errors.ErrorKind.ModelInvalid"/>.</summary>
    Task<ITranscriptionModel> LoadAsync(ModelEntry model, CancellationToken cancellationToken);
}

/// <summary>A loaded Whisper model. Runs one transcription at a time (callers queue); disposing frees the native model.</summary>
public interface ITranscriptionModel : IAsyncDisposable
{
    /// <summary>Bytes the loaded model holds, for the scheduler's memory budget.</summary>
    long SizeBytes { get; }

    /// <summary>
    /// The segments of <paramref name="clip"/> as they are decoded; cancelling stops the decoding within a segment and
    /// throws <see cref="OperationCanceledException"/>. A clip with no speech yields no segment.
    /// </summary>
    IAsyncEnumerable<TranscriptSegment> TranscribeAsync(AudioClip clip, TranscriptionOptions options, CancellationToken cancellationToken);
}
