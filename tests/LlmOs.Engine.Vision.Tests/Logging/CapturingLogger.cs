using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Vision.Tests.Logging;

/// <summary>Keeps what a component logs, to read its events back in a test (the OCR engine's, the classifier's choice of provider).</summary>
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
