using System.Collections.Concurrent;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Models;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

// Speech: transcriptions (Whisper, one at a time per loaded model, in the memory budget), and speech synthesis (voice tasks run in
// LlmOs.Engine.Speech.VoiceService, as asks run in AskService), queued fairly like every other kind.
public sealed partial class Scheduler
{
    /// <summary>The longest text one speak task speaks (OpenAI's speech endpoint takes as much).</summary>
    public const int MaxSpeechCharacters = 4096;

    private readonly ConcurrentDictionary<string, SpeechWorker> _speechWorkers = new(StringComparer.Ordinal);
    private readonly Lock _speechWorkersGate = new();
    private readonly ITranscriptionBackend? _transcription;
    private readonly ISpeechSynthesizer? _synthesizer;
    private SpeakWorker? _speakWorker;

    /// <summary>Whether this daemon can transcribe open speech: it has a Whisper backend and a Whisper model is installed.</summary>
    public bool CanTranscribe => _transcription is not null && _registry.HasSpeechModel;

    /// <summary>Whether this daemon can speak.</summary>
    public bool CanSpeak => _synthesizer is not null;

    /// <summary>
    /// Queues a transcription of <paramref name="clip"/> with the speech model <paramref name="model"/> names, or the
    /// default one. With no Whisper model installed it fails with <see cref="ErrorKind.NeedsModel"/>: the command grammar
    /// recognises commands only, so open transcription needs a Whisper model (voice tasks use the grammar themselves).
    /// Throws <see cref="EngineException"/> for an unknown model, one of another kind, an empty clip, a full queue.
    /// </summary>
    public TaskRecord SubmitTranscribe(uint ownerUid, AudioClip clip, string? model, TranscriptionOptions options, TaskPriority priority)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(options);
        var backend = _transcription ?? throw new EngineException(ErrorKind.Unsupported, "this daemon has no Whisper backend for open transcription");
        if (clip.Samples.Length == 0)
        {
            throw new EngineException(ErrorKind.InvalidInput, "the audio holds no samples", "file");
        }

        if (options.Language is { } language && (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower)))
        {
            throw new EngineException(ErrorKind.InvalidInput, $"'{language}' is not an ISO 639-1 language code (en, es, de)", "language");
        }

        var entry = model is null && !_registry.HasSpeechModel
            ? throw new EngineException(ErrorKind.NeedsModel, "open transcription needs a Whisper model; put a ggml Whisper model (ggml-*.bin) in the models folder or add it with 'llmosctl models add PATH'")
            : _registry.ResolveSpeech(model);
        var task = Admit(ownerUid, id => new TaskRecord(id, ownerUid, entry.Name, clip, options, _time) { Priority = priority });
        SpeechWorkerFor(entry, backend).Wake();
        return task;
    }

    /// <summary>Queues speech of <paramref name="text"/>; an unknown voice or an option out of range is InvalidInput.</summary>
    public TaskRecord SubmitSpeak(uint ownerUid, string text, SpeechOptions options, TaskPriority priority)
    {
        ArgumentNullException.ThrowIfNull(options);
        var synthesizer = _synthesizer ?? throw new EngineException(ErrorKind.Unsupported, "this daemon has no speech synthesiser (Debian: libespeak-ng1)");
        CheckSpeech(synthesizer, text, options);
        var task = Admit(ownerUid, id => new TaskRecord(id, ownerUid, text, options, _time) { Priority = priority });
        SpeakWorkerFor(synthesizer).Wake();
        return task;
    }

    /// <summary>The load state of a Whisper model (what <see cref="StateOf(string)"/> is for text models).</summary>
    public ModelWorkerState SpeechStateOf(string model) =>
        _speechWorkers.TryGetValue(model, out var worker) ? worker.State : ModelWorkerState.Unloaded;

    /// <summary>Refuses text and options the synthesiser would: checked before the task is queued, so the caller hears at once.</summary>
    internal static void CheckSpeech(ISpeechSynthesizer synthesizer, string text, SpeechOptions options)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EngineException(ErrorKind.InvalidInput, "there is no text to speak", "input");
        }

        if (text.Length > MaxSpeechCharacters)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"the text is {text.Length} characters; at most {MaxSpeechCharacters} are spoken at once", "input");
        }

        if (options.Voice is { } voice && !synthesizer.HasVoice(voice))
        {
            throw new EngineException(ErrorKind.InvalidInput, $"no voice '{voice}'; installed: {string.Join(", ", synthesizer.Voices.Take(20))}", "voice");
        }

        if (options.WordsPerMinute is { } rate and (< SpeechOptions.MinWordsPerMinute or > SpeechOptions.MaxWordsPerMinute))
        {
            throw new EngineException(ErrorKind.InvalidInput, $"the rate must be {SpeechOptions.MinWordsPerMinute} to {SpeechOptions.MaxWordsPerMinute} words per minute, not {rate}", "speed");
        }

        if (options.SampleRate is not (16_000 or 22_050))
        {
            throw new EngineException(ErrorKind.InvalidInput, $"the sample rate must be 16000 or 22050 Hz, not {options.SampleRate}", "sample_rate");
        }
    }

    private IEnumerable<ResidentModel?> SpeechResident() => _speechWorkers.Values.Select(w => w.Describe());

    private IEnumerable<StepWatch> SpeechStepWatches()
    {
        foreach (var worker in _speechWorkers.Values)
        {
            yield return worker.Steps;
        }

        if (Volatile.Read(ref _speakWorker) is { } speak)
        {
            yield return speak.Steps;
        }
    }

    /// <summary>Stops the speech workers: tasks still running are cancelled, and each Whisper model is unloaded. For shutdown.</summary>
    internal async ValueTask DisposeSpeechAsync()
    {
        List<SpeechWorker> workers;
        SpeakWorker? speak;
        lock (_speechWorkersGate)
        {
            workers = [.. _speechWorkers.Values];
            _speechWorkers.Clear();
            speak = _speakWorker;
            _speakWorker = null;
        }

        foreach (var worker in workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }

        if (speak is not null)
        {
            await speak.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One worker per model, made under a lock so that racing first requests never start two.</summary>
    private SpeechWorker SpeechWorkerFor(ModelEntry entry, ITranscriptionBackend backend)
    {
        if (_speechWorkers.TryGetValue(entry.Name, out var worker))
        {
            return worker;
        }

        lock (_speechWorkersGate)
        {
            return _speechWorkers.GetOrAdd(entry.Name, _ => new SpeechWorker(entry, backend, this, _residency, _options, _metrics, _time, _logger));
        }
    }

    private SpeakWorker SpeakWorkerFor(ISpeechSynthesizer synthesizer)
    {
        lock (_speechWorkersGate)
        {
            return _speakWorker ??= new SpeakWorker(synthesizer, this, _options, _time, _logger);
        }
    }
}
