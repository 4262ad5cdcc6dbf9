using LlmOs.Engine.Speech;

namespace LlmOs.Engine.Tasks;

// Transcribe, voice and speak tasks: what they ask and what they answered.
public sealed partial class TaskRecord
{
    /// <summary>What transcriptions show as their model when no Whisper model is installed: the command grammar.</summary>
    public const string GrammarModelName = "grammar";

    /// <summary>What speak tasks show as their model: the speech synthesiser.</summary>
    public const string SpeechSynthesisModelName = "espeak-ng";

    /// <summary>What voice tasks show as their model: the voice pipeline, which picks its recognisers itself.</summary>
    public const string VoiceModelName = "voice";

    /// <summary>A transcription of <paramref name="clip"/> with <paramref name="model"/> (a speech model, or <see cref="GrammarModelName"/>).</summary>
    public TaskRecord(string id, uint ownerUid, string model, AudioClip clip, TranscriptionOptions options, TimeProvider time)
        : this(id, TaskKind.Transcribe, ownerUid, model, time)
    {
        Clip = clip;
        Transcription = options;
    }

    /// <summary>A spoken command.</summary>
    public TaskRecord(string id, VoiceRequest request, TimeProvider time)
        : this(id, TaskKind.Voice, request.CallerUid, VoiceModelName, time)
    {
        Clip = request.Clip;
        Voice = request;
    }

    /// <summary>Speech of <paramref name="text"/>.</summary>
    public TaskRecord(string id, uint ownerUid, string text, SpeechOptions options, TimeProvider time)
        : this(id, TaskKind.Speak, ownerUid, SpeechSynthesisModelName, time)
    {
        SpeechText = text;
        Speaking = options;
    }

    /// <summary>The audio of a transcribe or voice task (a voice task's is null when it streams); let go once finished.</summary>
    public AudioClip? Clip { get; private set; }

    public TranscriptionOptions? Transcription { get; }

    /// <summary>What a voice task asks; null for other kinds.</summary>
    public VoiceRequest? Voice { get; }

    /// <summary>The text a speak task speaks.</summary>
    public string? SpeechText { get; }

    public SpeechOptions? Speaking { get; }

    /// <summary>The transcript, once a transcribe task completed.</summary>
    public Transcript? TranscriptResult { get; private set; }

    /// <summary>The answer, once a voice task completed.</summary>
    public VoiceResult? VoiceAnswer { get; private set; }

    /// <summary>The speech, once a speak task completed.</summary>
    public SynthesizedSpeech? Speech { get; private set; }

    public void CompleteTranscribe(Transcript transcript) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => TranscriptResult = transcript);

    public void CompleteVoice(VoiceResult answer) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => VoiceAnswer = answer);

    public void CompleteSpeak(SynthesizedSpeech speech) =>
        Finish(TaskState.Completed, TaskEventKind.Completed, () => Speech = speech);

    /// <summary>A voice or transcribe task's progress: the transcript so far, or the intent recognised.</summary>
    public void Report(TaskEventKind kind, string text)
    {
        lock (_gate)
        {
            if (!IsFinished)
            {
                Events.Append(new TaskEvent(kind, text));
            }
        }
    }
}
