using System.Text;

namespace LlmOs.Engine.Generation;

/// <summary>
/// Cuts generated text at the first stop sequence. Text that might be the start of a stop
/// sequence is held back until the next piece decides it, so what is streamed is exactly
/// what the final result holds, and the stop sequence itself never reaches the client.
/// </summary>
public sealed class StopSequenceFilter(IReadOnlyList<string> stops)
{
    private readonly StringBuilder _pending = new();
    private readonly int _longest = stops.Count == 0 ? 0 : stops.Max(s => s.Length);

    public bool Stopped { get; private set; }

    /// <summary>Adds a piece; returns the text that is now safe to release (possibly empty).</summary>
    public string Push(string piece)
    {
        if (_longest == 0)
        {
            return piece;
        }

        _pending.Append(piece);
        string text = _pending.ToString();
        int cut = FirstStop(text);
        if (cut >= 0)
        {
            Stopped = true;
            _pending.Clear();
            return text[..cut];
        }

        int keep = HeldBack(text);
        _pending.Clear().Append(text, text.Length - keep, keep);
        return text[..^keep];
    }

    /// <summary>Releases what is held back once generation has ended without meeting a stop sequence.</summary>
    public string Flush()
    {
        string rest = Stopped ? "" : _pending.ToString();
        _pending.Clear();
        return rest;
    }

    private int FirstStop(string text)
    {
        int first = -1;
        foreach (var stop in stops)
        {
            int at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    /// <summary>The length of the longest tail of <paramref name="text"/> that a stop sequence begins with.</summary>
    private int HeldBack(string text)
    {
        for (int keep = Math.Min(_longest - 1, text.Length); keep > 0; keep--)
        {
            var tail = text.AsSpan(text.Length - keep);
            foreach (var stop in stops)
            {
                if (stop.AsSpan().StartsWith(tail, StringComparison.Ordinal))
                {
                    return keep;
                }
            }
        }

        return 0;
    }
}
