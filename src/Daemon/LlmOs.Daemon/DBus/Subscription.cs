namespace LlmOs.Daemon.DBus;

/// <summary>One connection's subscription to due events and the place it holds in its uid's limit, ended together.</summary>
internal sealed class Subscription(IDisposable place, IDisposable events) : IDisposable
{
    public void Dispose()
    {
        events.Dispose();
        place.Dispose();
    }
}
