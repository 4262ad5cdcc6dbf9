using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Tests.Hosting;

/// <summary>Records the event id of every message logged to it.</summary>
internal sealed class EventIdLogger : ILogger
{
    public List<int> EventIds { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        EventIds.Add(eventId.Id);
}
