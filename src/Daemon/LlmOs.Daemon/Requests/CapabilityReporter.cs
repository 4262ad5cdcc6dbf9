using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.Capabilities;

namespace LlmOs.Daemon.Requests;

/// <summary>
/// What llmosd can do right now, per kind of work, for apps to decide before they ask (socket and D-Bus alike).
/// Text generation and embeddings follow the registry and what is loaded; the kinds later issues add (speech,
/// vision) are <c>unavailable</c> until this build has their engines; intent recognition (<c>ask</c>) is always ready.
/// </summary>
internal sealed class CapabilityReporter(ModelRegistry registry, Scheduler scheduler)
{
    private static readonly CapabilityDto NotInThisBuild =
        new(CapabilityStates.Unavailable, [], "this build of llmosd has no engine for it yet");

    public CapabilitiesResponse Report()
    {
        var models = registry.List();
        return new CapabilitiesResponse(
            TextGeneration: ForKind(models, ModelKind.Text, "GGUF language model"),
            Embeddings: ForKind(models, ModelKind.Embedding, "embedding model"),
            Transcription: NotInThisBuild,
            CommandRecognition: NotInThisBuild,
            SpeechSynthesis: NotInThisBuild,
            Classification: NotInThisBuild,
            Ocr: NotInThisBuild,
            Intents: Intents(models));
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

    private CapabilityDto ForKind(IReadOnlyList<ModelEntry> models, ModelKind kind, string what)
    {
        var usable = models.Where(m => m.Kind == kind && m.IsValid).ToList();
        if (usable.Count == 0)
        {
            return new CapabilityDto(CapabilityStates.NeedsModel, [], $"no {what} is installed; add one with 'llmosctl models add FILE'");
        }

        var names = usable.Select(m => m.Name).ToList();
        var loaded = usable.Where(m => scheduler.StateOf(m) == ModelWorkerState.Loaded).Select(m => m.Name).ToList();
        return loaded.Count > 0
            ? new CapabilityDto(CapabilityStates.Ready, names, $"loaded: {string.Join(", ", loaded)}")
            : new CapabilityDto(CapabilityStates.Available, names, "installed, not loaded; the first request loads it");
    }
}
