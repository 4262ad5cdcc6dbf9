using LlmOs.Daemon.Hosting;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Vision;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// The one way a task request enters the engine, whichever transport brought it (the socket's <c>POST /v1/tasks</c>,
/// D-Bus <c>Submit</c>): validates it for its kind and queues it on behalf of <c>callerUid</c>.
/// </summary>
internal sealed class TaskSubmitter(
    TaskRequestValidator validator,
    Scheduler scheduler,
    IntentRegistry intents,
    Deferred<AskService> asks,
    Deferred<LanguageCatalog> languages,
    Deferred<VoiceService> voices,
    AudioInput audio)
{
    public const string GenerateKind = "generate";
    public const string EmbedKind = "embed";
    public const string IntentKind = "intent";
    public const string AskKind = "ask";
    public const string ClassifyKind = "classify";
    public const string OcrKind = "ocr";
    public const string TranscribeKind = "transcribe";
    public const string VoiceKind = "voice";
    public const string SpeakKind = "speak";

    /// <summary>Queues the task; an invalid request throws <see cref="Engine.Errors.EngineException"/> and queues nothing.</summary>
    public TaskRecord Submit(TaskSubmitRequest request, uint callerUid)
    {
        if (request.Kind is TranscribeKind or VoiceKind or SpeakKind)
        {
            return SubmitSpeech(request, callerUid);
        }

        TaskRequestValidator.RefuseSpeechFields(request);
        if (request.Kind == EmbedKind)
        {
            var (texts, model) = validator.ValidateEmbed(request);
            var priority = TaskRequestValidator.Priority(request.Options?.Priority, "options.priority");
            return scheduler.SubmitEmbed(callerUid, texts, model, priority);
        }

        if (request.Kind == IntentKind)
        {
            var invocation = validator.ValidateIntent(request, callerUid);
            return scheduler.SubmitIntent(invocation, intents, TaskRequestValidator.Priority(request.Options?.Priority, "options.priority"));
        }

        if (request.Kind == AskKind)
        {
            // Starts at once (understanding is cheap; the LLM calls it may make queue as the caller's generations).
            return asks.Value.Submit(validator.ValidateAsk(request, callerUid, languages.Value));
        }

        if (request.Kind == ClassifyKind)
        {
            return SubmitClassify(validator.ValidateClassify(request), callerUid);
        }

        if (request.Kind == OcrKind)
        {
            return SubmitOcr(validator.ValidateOcr(request), callerUid);
        }

        return scheduler.SubmitGenerate(validator.Validate(request, callerUid));
    }

    /// <summary>A checked transcription, from any transport (a task, <c>POST /v1/transcribe</c>, D-Bus <c>Transcribe</c>).</summary>
    public TaskRecord SubmitTranscribe(TranscribeCall call, uint callerUid) =>
        scheduler.SubmitTranscribe(callerUid, call.Clip, call.Model, call.Options, call.Priority);

    /// <summary>A checked voice task (its audio whole or arriving); it starts at once, as asks do.</summary>
    public TaskRecord SubmitVoice(VoiceRequest request) => voices.Value.Submit(request);

    /// <summary>A checked speech synthesis, from any transport.</summary>
    public TaskRecord SubmitSpeak(SpeakCall call, uint callerUid) =>
        scheduler.SubmitSpeak(callerUid, call.Text, call.Options, call.Priority);

    /// <summary>The voice options of a shortcut (the query of <c>/v1/voice</c>, D-Bus options), checked against the installed languages.</summary>
    public VoiceRequest CheckVoiceOptions(TaskOptions? options, string prefix, uint callerUid) =>
        TaskRequestValidator.CheckVoiceOptions(options, prefix, callerUid, languages.Value);

    private TaskRecord SubmitSpeech(TaskSubmitRequest request, uint callerUid) => request.Kind switch
    {
        TranscribeKind => SubmitTranscribe(validator.ValidateTranscribe(request, audio), callerUid),
        VoiceKind => SubmitVoice(TaskRequestValidator.ValidateVoice(request, callerUid, languages.Value, audio)),
        _ => SubmitSpeak(validator.ValidateSpeak(request), callerUid),
    };

    /// <summary>A checked classification, from any transport (a task, <c>POST /v1/images/classify</c>, D-Bus <c>Classify</c>).</summary>
    public TaskRecord SubmitClassify(ClassifyCall call, uint callerUid) =>
        scheduler.SubmitClassify(callerUid, call.Image, call.Model, call.Top, call.Priority);

    /// <summary>A checked text recognition, from any transport.</summary>
    public TaskRecord SubmitOcr(OcrCall call, uint callerUid) =>
        scheduler.SubmitOcr(callerUid, call.Image, call.Language, call.Priority);

    /// <summary>
    /// The <c>POST /v1/ask</c> shortcut (and D-Bus <c>Ask</c>, <c>AskFd</c>): the same ask task, its fields named as the
    /// shortcut has them. <paramref name="image"/> is an image the transport decoded itself (D-Bus bytes or a file
    /// descriptor), in place of the body's base64 <c>image</c>.
    /// </summary>
    public TaskRecord SubmitAsk(AskRequestDto body, uint callerUid, RgbImage? image = null) => asks.Value.Submit(ValidateAsk(body, callerUid, image));

    /// <summary>An ask shortcut's body as the engine's request, without submitting it (<c>POST /v1/intents/test</c>).</summary>
    public AskRequest ValidateAsk(AskRequestDto body, uint callerUid, RgbImage? image = null)
    {
        var request = validator.ValidateAsk(
            new TaskSubmitRequest(AskKind, new TaskInput(null, Utterance: body.Utterance, Image: body.Image), new TaskOptions(Language: body.Language, TimeZone: body.TimeZone)),
            callerUid,
            languages.Value,
            shortcut: true);
        return image is null ? request : request with { Image = image };
    }
}
