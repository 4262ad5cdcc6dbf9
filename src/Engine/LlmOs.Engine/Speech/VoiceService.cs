using LlmOs.Engine.Errors;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Speech;

/// <summary>
/// Runs voice tasks: audio to transcript (the command grammar first, Whisper for open speech when a speech model is
/// installed) to intent and reply (as an ask), and the reply spoken when asked. PLACEHOLDER: the engine-speech helper
/// builds it (its constructor takes what it needs from DI); <see cref="Submit"/> keeps its signature.
/// </summary>
public sealed class VoiceService
{
    /// <summary>Starts a voice task at once (its LLM and Whisper work queues as the caller's); invalid requests throw.</summary>
#pragma warning disable CA1822 // placeholder
    public TaskRecord Submit(VoiceRequest request) =>
#pragma warning restore CA1822
        throw new EngineException(ErrorKind.Unsupported, $"voice tasks are not built yet ({request.CallerUid})");
}
