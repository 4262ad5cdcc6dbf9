using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Vision.Tests.Ocr;

/// <summary>Keeps what the engine logs, to read its events back in a test.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(EventId Id, string Message)> _entries = [];

    public IReadOnlyList<(EventId Id, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((eventId, formatter(state, exception)));
        }
    }
}
