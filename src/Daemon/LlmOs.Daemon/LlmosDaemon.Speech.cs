using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Hosting;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Audio;
using LlmOs.Engine.Espeak;
using LlmOs.Engine.Pocketsphinx;
using LlmOs.Engine.Skills.Desktop;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Speech.Grammar;
using LlmOs.Engine.Whisper;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon;

public sealed partial class LlmosDaemon
{
    /// <summary>
    /// Speech: audio decoding at the boundary, espeak-ng, pocketsphinx with the command grammar of each caller's catalog,
    /// Whisper.net for speech models, the voice pipeline and the calls both transports share. Everything here is built on
    /// first use (<see cref="AudioInput"/> resolves its decoder lazily, the submitter reaches the voice service through
    /// <see cref="Deferred{T}"/>, the scheduler's synthesiser starts espeak-ng on its first sentence), so none of it is
    /// on the cold start's path. The scheduler takes the transcription backend and the synthesiser registered here.
    /// </summary>
    private static void AddSpeech(IServiceCollection services, DaemonSettings settings)
    {
        services.AddSingleton<IAudioDecoder>(_ => new AudioDecoder(settings.AudioLimits()));
        services.AddSingleton(new EspeakOptions());
        services.AddSingleton<EspeakSynthesizer>(); // the container disposes it
        services.AddSingleton<ISpeechSynthesizer, DeferredSpeechSynthesizer>();
        services.AddSingleton(new PocketsphinxOptions());
        services.AddSingleton<PocketsphinxRecognizer>();
        services.AddSingleton<ICommandRecognizer>(sp => sp.GetRequiredService<PocketsphinxRecognizer>());
        services.AddSingleton<IPronunciationLexicon>(sp => sp.GetRequiredService<PocketsphinxRecognizer>());
        services.AddSingleton<ICommandGrammars>(sp => new CommandGrammars(
            sp.GetRequiredService<Engine.Understanding.Catalog.IntentCatalogs>(),
            sp.GetRequiredService<DesktopApps>(),
            sp.GetRequiredService<IPronunciationLexicon>()));
        services.AddSingleton(new WhisperOptions { Threads = settings.Threads });
        services.AddSingleton<ITranscriptionBackend, WhisperTranscriptionBackend>();
        services.AddSingleton<AudioInput>();
        services.AddSingleton<VoiceService>();
        services.AddSingleton<SpeechCalls>();
    }
}
