using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;

namespace LlmOs.Bench;

/// <summary>
/// The in-process speech engines the bench measures, behind the seams: the grammar recogniser with the English
/// built-in grammar, the Whisper.net backend and the voice service. Built here, in one place; an engine not built yet in
/// this checkout is null, and <see cref="Missing"/> says which, so that its rows report it instead of a figure.
/// </summary>
public sealed class SpeechEngines : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public ICommandRecognizer? Recognizer { get; private init; }

    /// <summary>The built-in command grammar of a language (a pack code).</summary>
    public Func<string, CommandGrammar>? Grammar { get; private init; }

    public ITranscriptionBackend? Whisper { get; private init; }

    /// <summary>Starts a voice task (<see cref="VoiceService.Submit"/>).</summary>
    public Func<VoiceRequest, TaskRecord>? Voice { get; private init; }

    public string? Missing { get; private init; }

    public static SpeechEngines Create() => new()
    {
        // PocketsphinxRecognizer (sp-sphinx), CommandGrammars (sp-engine), WhisperTranscriptionBackend (sp-engine) and
        // VoiceService (sp-engine) are wired here as their branches are merged.
        Missing = "not built in this checkout yet: PocketsphinxRecognizer, CommandGrammars, VoiceService (merge sp-sphinx, sp-engine)",
    };

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
