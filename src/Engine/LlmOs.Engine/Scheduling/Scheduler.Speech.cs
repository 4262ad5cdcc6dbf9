using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

// Speech: transcriptions (Whisper, one at a time per loaded model, in the memory budget), and speech synthesis (voice tasks run in
// LlmOs.Engine.Speech.VoiceService, as asks run in AskService), queued fairly like every other kind. PLACEHOLDER bodies: the engine-speech helper replaces them.
#pragma warning disable CA1822 // placeholders until the engine-speech helper replaces them
public sealed partial class Scheduler
{
    /// <summary>
    /// Queues a transcription of <paramref name="clip"/> with the speech model <paramref name="model"/> names, or the
    /// default one; with no speech model installed and <paramref name="model"/> null, with the command grammar of the
    /// caller's catalog. Throws <see cref="EngineException"/> for an unknown model, one of another kind, a full queue.
    /// </summary>
    public TaskRecord SubmitTranscribe(uint ownerUid, AudioClip clip, string? model, TranscriptionOptions options, TaskPriority priority) =>
        throw new EngineException(ErrorKind.Unsupported, "transcription is not built yet");

    /// <summary>Queues speech of <paramref name="text"/>; an unknown voice or an option out of range is InvalidInput.</summary>
    public TaskRecord SubmitSpeak(uint ownerUid, string text, SpeechOptions options, TaskPriority priority) =>
        throw new EngineException(ErrorKind.Unsupported, "speech synthesis is not built yet");
}
