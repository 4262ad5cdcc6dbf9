using LlmOs.Engine.Errors;
using LlmOs.Engine.Espeak;
using LlmOs.Engine.Speech;

namespace LlmOs.Daemon.Hosting;

/// <summary>
/// The scheduler's speech synthesiser, started on first use: espeak-ng loads its voice data when it initialises, which
/// has no place on the cold start's path, and a machine without libespeak-ng1 must still run llmosd (speech is then
/// refused as unsupported, naming the package).
/// </summary>
internal sealed class DeferredSpeechSynthesizer(Deferred<EspeakSynthesizer> espeak) : ISpeechSynthesizer
{
    public IReadOnlyList<string> Voices => Engine().Voices;

    public bool HasVoice(string voice) => Engine().HasVoice(voice);

    public Task<SynthesizedSpeech> SynthesizeAsync(string text, SpeechOptions options, CancellationToken cancellationToken) =>
        Engine().SynthesizeAsync(text, options, cancellationToken);

    private EspeakSynthesizer Engine()
    {
        try
        {
            return espeak.Value;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            throw new EngineException(ErrorKind.Unsupported, $"speech synthesis is not available: {e.Message} (Debian: libespeak-ng1)");
        }
    }
}
