using System.Text;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// Decides when streamed text goes out as a <c>Delta</c> signal, so that a fast model does not flood the bus: the
/// first text at once (the caller waits for it), then whatever piled up once it reaches <see cref="MaxChars"/>
/// characters or <see cref="Window"/> after its first character, whichever comes first. A pure class on given times,
/// so that the rule is tested on a fake clock; the forwarder owns the waiting.
/// </summary>
internal sealed class DeltaCoalescer
{
    public const int MaxChars = 64;

    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);

    private readonly StringBuilder _pending = new();
    private TimeSpan _firstPendingAt;
    private bool _sentAny;

    public bool HasPending => _pending.Length > 0;

    /// <summary>When the pending text must go out at the latest (meaningful while <see cref="HasPending"/>).</summary>
    public TimeSpan DueAt => _firstPendingAt + Window;

    /// <summary>Adds new text at time <paramref name="now"/>; returns the text to send now, or null to hold it back.</summary>
    public string? Add(string text, TimeSpan now)
    {
        if (!_sentAny && _pending.Length == 0)
        {
            _sentAny = true;
            return text;
        }

        if (_pending.Length == 0)
        {
            _firstPendingAt = now;
        }

        _pending.Append(text);
        return _pending.Length >= MaxChars || now >= DueAt ? Flush() : null;
    }

    /// <summary>The pending text if its time has come at <paramref name="now"/>, else null.</summary>
    public string? FlushIfDue(TimeSpan now) => HasPending && now >= DueAt ? Flush() : null;

    /// <summary>Everything pending (before a final event, or when due), or null when nothing is.</summary>
    public string? Flush()
    {
        if (_pending.Length == 0)
        {
            return null;
        }

        _sentAny = true;
        string text = _pending.ToString();
        _pending.Clear();
        return text;
    }
}
