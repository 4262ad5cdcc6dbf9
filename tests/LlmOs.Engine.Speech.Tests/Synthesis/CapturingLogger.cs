using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Speech.Tests.Synthesis;

/// <summary>Keeps what a component logs, with the values of each message, to read its events back in a test.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(EventId Id, IReadOnlyDictionary<string, object?> Values)> _entries = [];

    public IReadOnlyList<(EventId Id, IReadOnlyDictionary<string, object?> Values)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Called with each event as it is logged, on the logging thread.</summary>
    public Action<EventId>? OnEvent { get; init; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(pair => pair.Key, pair => pair.Value)
            : [];
        lock (_entries)
        {
            _entries.Add((eventId, values));
        }

        OnEvent?.Invoke(eventId);
    }
}
