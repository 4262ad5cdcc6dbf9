using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Hosting;

/// <summary>
/// A singleton resolved from the container on first use rather than when the service that needs it is built. The
/// intent engine (language packs read from YAML, templates compiled) is reached this way by everything llmosd builds
/// while it starts (the D-Bus objects, the task submitter, the intents' warm-up), so that it is built after
/// <c>READY=1</c>, by the first ask or by the warm-up, and not on the cold start's path.
/// </summary>
internal sealed class Deferred<T>(IServiceProvider services)
    where T : notnull
{
    private readonly Lazy<T> _value = new(services.GetRequiredService<T>, LazyThreadSafetyMode.ExecutionAndPublication);

    public T Value => _value.Value;
}
