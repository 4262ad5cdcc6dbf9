namespace LlmOs.Client.Metrics;

/// <summary>One sample line: <c>name{label="value",…} value [timestamp]</c>.</summary>
public sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, long? TimestampMs = null)
{
    /// <summary>The value of one label, or null when the sample does not have it.</summary>
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when the sample has every one of these labels with these values.</summary>
    public bool HasLabels(ReadOnlySpan<(string Name, string Value)> labels)
    {
        foreach (var (name, value) in labels)
        {
            if (!Labels.TryGetValue(name, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }
}
