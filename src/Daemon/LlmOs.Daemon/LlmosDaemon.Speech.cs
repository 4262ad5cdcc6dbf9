using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Speech;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon;

public sealed partial class LlmosDaemon
{
    /// <summary>
    /// Speech: audio decoding at the boundary, the voice pipeline and the calls both transports share. Everything here is
    /// built on first use (<see cref="AudioInput"/> resolves its decoder lazily, the submitter reaches the voice service
    /// through <see cref="Hosting.Deferred{T}"/>), so none of it is on the cold start's path.
    /// </summary>
    private static void AddSpeech(IServiceCollection services, DaemonSettings settings)
    {
        _ = settings;
        services.AddSingleton<AudioInput>();
        services.AddSingleton<VoiceService>();
        services.AddSingleton<SpeechCalls>();
    }
}
