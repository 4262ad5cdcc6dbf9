using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;
using LlmOs.Ipc.Capabilities;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// What llmosd can do right now, per kind of work, for apps to decide before they ask (socket and D-Bus alike).
/// Text generation, embeddings and classification follow the registry and what is loaded; text recognition follows
/// tesseract's installed languages; transcription follows the speech models, command recognition pocketsphinx and
/// its acoustic model, speech synthesis espeak-ng's voices (these engines are reached on the first report, never while
/// llmosd starts); intent recognition (<c>ask</c>) is always ready.
/// </summary>
internal sealed class CapabilityReporter(ModelRegistry registry, Scheduler scheduler, IOcrEngine? ocr = null, IServiceProvider? services = null)
{
    private static readonly CapabilityDto NotInThisBuild =
        new(CapabilityStates.Unavailable, [], "this build of llmosd has no engine for it yet");

    public CapabilitiesResponse Report()
    {
        var models = registry.List();
        return new CapabilitiesResponse(
            TextGeneration: ForKind(models, ModelKind.Text, "GGUF language model"),
            Embeddings: ForKind(models, ModelKind.Embedding, "embedding model"),
            Transcription: Transcription(models),
            CommandRecognition: CommandRecognition(),
            SpeechSynthesis: SpeechSynthesis(),
            Classification: ForKind(models, ModelKind.Vision, "ONNX image classifier", "'llmosctl models add MODEL.onnx --labels LABELS.json'"),
            Ocr: Ocr(),
            Intents: Intents(models));
    }

    /// <summary>Open dictation needs a Whisper model; without one, spoken commands are still transcribed by the command grammar.</summary>
    private CapabilityDto Transcription(IReadOnlyList<ModelEntry> models)
    {
        var found = ForKind(models, ModelKind.Speech, "Whisper speech model (ggml)", "'llmosctl models add ggml-base.en.bin'");
        return found.State == CapabilityStates.NeedsModel && CommandRecognition().State == CapabilityStates.Ready
            ? found with { Detail = found.Detail + "; until then transcriptions use the command grammar, which knows only commands" }
            : found;
    }

    /// <summary>The closed-grammar recogniser: ready when pocketsphinx and its acoustic model for English are installed.</summary>
    private CapabilityDto CommandRecognition()
    {
        if (services?.GetService(typeof(ICommandRecognizer)) is not ICommandRecognizer recognizer)
        {
            return NotInThisBuild;
        }

        return SafelySupports(recognizer, "en")
            ? new CapabilityDto(CapabilityStates.Ready, [TaskRecord.GrammarModelName], "pocketsphinx with a grammar of the intents your words can reach (voice tasks, POST /v1/voice)")
            : new CapabilityDto(CapabilityStates.Unavailable, [], "pocketsphinx or its English acoustic model is not installed (Debian: libpocketsphinx3, pocketsphinx-en-us)");
    }

    /// <summary>espeak-ng: ready with its voices as the models.</summary>
    private CapabilityDto SpeechSynthesis()
    {
        if (services?.GetService(typeof(ISpeechSynthesizer)) is not ISpeechSynthesizer synthesizer)
        {
            return NotInThisBuild;
        }

        IReadOnlyList<string> voices;
        try
        {
            voices = synthesizer.Voices;
        }
        catch (EngineException)
        {
            voices = [];
        }

        return voices.Count == 0
            ? new CapabilityDto(CapabilityStates.Unavailable, [], "espeak-ng is not installed (Debian: libespeak-ng1, espeak-ng-data)")
            : new CapabilityDto(CapabilityStates.Ready, [.. voices], "espeak-ng, in the voices listed (option 'voice')");
    }

    private static bool SafelySupports(ICommandRecognizer recognizer, string language)
    {
        try
        {
            return recognizer.Supports(language);
        }
        catch (EngineException)
        {
            return false;
        }
    }

    /// <summary>
    /// Utterances are understood by sentence templates and built-in skills with no model at all, so asking is always
    /// <c>ready</c>; the detail says whether the language-model fallback (chat, translate, summarise, write) has a model.
    /// </summary>
    private static CapabilityDto Intents(IReadOnlyList<ModelEntry> models)
    {
        var text = models.Where(m => m.Kind == ModelKind.Text && m.IsValid).Select(m => m.Name).ToList();
        return new CapabilityDto(
            CapabilityStates.Ready,
            text,
            text.Count > 0
                ? "ask (task kind \"ask\", POST /v1/ask): templates, sentence embeddings and the language model for chat and anything else"
                : "ask (task kind \"ask\", POST /v1/ask): templates and sentence embeddings; chat, translation and writing need a GGUF language model");
    }

    /// <summary>
    /// Text recognition needs no model of the registry: tesseract's language data is its models, so those are listed
    /// (the names <c>language</c> takes). Without any (no tesseract, or no language package) it is <c>unavailable</c>.
    /// </summary>
    private CapabilityDto Ocr()
    {
        var languages = ocr?.Languages ?? [];
        return languages.Count == 0
            ? new CapabilityDto(CapabilityStates.Unavailable, [], "tesseract or its language data is not installed (Debian: libtesseract5, tesseract-ocr-eng)")
            : new CapabilityDto(CapabilityStates.Ready, [.. languages], "tesseract, in the languages listed (option 'language'; default eng)");
    }

    private CapabilityDto ForKind(IReadOnlyList<ModelEntry> models, ModelKind kind, string what, string howToAdd = "'llmosctl models add FILE'")
    {
        var usable = models.Where(m => m.Kind == kind && m.IsValid).ToList();
        if (usable.Count == 0)
        {
            return new CapabilityDto(CapabilityStates.NeedsModel, [], $"no {what} is installed; add one with {howToAdd}");
        }

        var names = usable.Select(m => m.Name).ToList();
        var loaded = usable.Where(m => scheduler.StateOf(m) == ModelWorkerState.Loaded).Select(m => m.Name).ToList();
        return loaded.Count > 0
            ? new CapabilityDto(CapabilityStates.Ready, names, $"loaded: {string.Join(", ", loaded)}")
            : new CapabilityDto(CapabilityStates.Available, names, "installed, not loaded; the first request loads it");
    }
}
