using LlmOs.Engine.Espeak;
using LlmOs.Engine.Pocketsphinx;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Speech.Grammar;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Whisper;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Bench;

/// <summary>
/// The in-process speech engines the bench measures, wired as llmosd wires them: pocketsphinx with the English built-in
/// grammar (built from the shipped pack, the machine's apps and the dictionary), the Whisper.net backend, and the voice
/// service over the in-process intent engine (<see cref="IntentEngine"/>: the same asks and skills as the daemon).
/// </summary>
public sealed class SpeechEngines : IAsyncDisposable
{
    private readonly IntentEngine _intents;
    private readonly PocketsphinxRecognizer _recognizer;
    private readonly EspeakSynthesizer _synthesizer;
    private readonly VoiceService _voice;

    private SpeechEngines(IntentEngine intents, int threads)
    {
        _intents = intents;
        _recognizer = new PocketsphinxRecognizer(new PocketsphinxOptions(), NullLogger<PocketsphinxRecognizer>.Instance);
        _synthesizer = new EspeakSynthesizer(new EspeakOptions(), NullLogger<EspeakSynthesizer>.Instance);
        var grammars = new CommandGrammars(intents.Catalogs, intents.Apps, _recognizer);
        _voice = new VoiceService(
            intents.Scheduler, intents.Ask, intents.Languages, grammars, TimeProvider.System, NullLogger<VoiceService>.Instance, _recognizer, _synthesizer);
        Grammar = language => grammars.GrammarFor(IntentEngine.CallerUid, intents.Languages.For(language));
        Whisper = new WhisperTranscriptionBackend(new WhisperOptions { Threads = threads }, NullLogger<WhisperTranscriptionBackend>.Instance);
    }

    public ICommandRecognizer Recognizer => _recognizer;

    /// <summary>The built-in command grammar of a language (a pack code).</summary>
    public Func<string, CommandGrammar> Grammar { get; }

    public ITranscriptionBackend Whisper { get; }

    /// <summary>Starts a voice task (<see cref="VoiceService.Submit"/>).</summary>
    public TaskRecord Voice(VoiceRequest request) => _voice.Submit(request);

    /// <summary>Builds the engines over a copy of the language model (the intent engine's last resort; commands never reach it).</summary>
    public static async Task<SpeechEngines> CreateAsync(string modelPath, int threads, CancellationToken cancellationToken)
    {
        var intents = IntentEngine.Create(modelPath, threads);
        await intents.StartSkillsAsync(cancellationToken);
        return new SpeechEngines(intents, threads);
    }

    public async ValueTask DisposeAsync()
    {
        await _intents.DisposeAsync();
        _recognizer.Dispose();
        _synthesizer.Dispose();
    }
}
