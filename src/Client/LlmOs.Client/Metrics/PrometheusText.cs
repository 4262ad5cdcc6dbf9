namespace LlmOs.Client.Metrics;

/// <summary>
/// Parses the Prometheus text exposition format (0.0.4), as <c>GET /metrics</c> answers. Hand-written because
/// no parser for it is published on NuGet (prometheus-net and OpenTelemetry only write it), and the format is
/// small: comments, <c># HELP</c> and <c># TYPE</c> lines, and <c>name{labels} value [timestamp]</c> samples.
/// It is strict, so that tests can rely on it to validate a scrape: a malformed line, an unknown type, a
/// second TYPE or HELP for a name, or a TYPE after its samples throws <see cref="FormatException"/> with the line number.
/// </summary>
public static partial class PrometheusText
{
    public static MetricsSnapshot Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var families = new List<FamilyBuilder>();
        var byName = new Dictionary<string, FamilyBuilder>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            string line = rawLine.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (line.StartsWith('#'))
                {
                    ReadComment(line, families, byName);
                }
                else
                {
                    var sample = ReadSample(line);
                    FamilyOf(sample.Name, families, byName).Samples.Add(sample);
                }
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {lineNumber}: {e.Message}: {line}", e);
            }
        }

        return new MetricsSnapshot([.. families.Select(f => new MetricFamily(f.Name, f.Type, f.Help, f.Samples))]);
    }

    /// <summary><c># HELP name text</c> and <c># TYPE name type</c> describe a family; any other comment is ignored.</summary>
    private static void ReadComment(string line, List<FamilyBuilder> families, Dictionary<string, FamilyBuilder> byName)
    {
        var parts = line[1..].TrimStart(' ', '\t').Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] is not ("HELP" or "TYPE"))
        {
            return;
        }

        string name = parts[1];
        if (!IsMetricName(name))
        {
            throw new FormatException($"'{name}' is not a metric name");
        }

        if (!byName.TryGetValue(name, out var family))
        {
            family = new FamilyBuilder(name);
            families.Add(family);
            byName[name] = family;
        }

        if (parts[0] == "HELP")
        {
            family.Help = family.Help is null ? UnescapeHelp(parts.Length > 2 ? parts[2] : "") : throw new FormatException($"a second HELP for {name}");
            return;
        }

        if (family.Typed)
        {
            throw new FormatException($"a second TYPE for {name}");
        }

        if (family.Samples.Count > 0 || SuffixedNames(name).Any(s => byName.TryGetValue(s, out var f) && f.Samples.Count > 0))
        {
            throw new FormatException($"the TYPE of {name} comes after its samples");
        }

        family.Type = (parts.Length > 2 ? parts[2].Trim() : "") switch
        {
            "counter" => MetricType.Counter,
            "gauge" => MetricType.Gauge,
            "histogram" => MetricType.Histogram,
            "summary" => MetricType.Summary,
            "untyped" => MetricType.Untyped,
            var other => throw new FormatException($"unknown metric type '{other}'"),
        };
        family.Typed = true;
    }

    /// <summary>A sample belongs to the family of its name, or for a histogram or summary to the family its suffix points to.</summary>
    private static FamilyBuilder FamilyOf(string sampleName, List<FamilyBuilder> families, Dictionary<string, FamilyBuilder> byName)
    {
        if (byName.TryGetValue(sampleName, out var exact))
        {
            return exact;
        }

        foreach (var suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal)
                && byName.TryGetValue(sampleName[..^suffix.Length], out var parent)
                && (parent.Type == MetricType.Histogram || (parent.Type == MetricType.Summary && suffix != "_bucket")))
            {
                return parent;
            }
        }

        var untyped = new FamilyBuilder(sampleName);
        families.Add(untyped);
        byName[sampleName] = untyped;
        return untyped;
    }

    private static IEnumerable<string> SuffixedNames(string name) => [name + "_bucket", name + "_sum", name + "_count"];

    private static string UnescapeHelp(string help) =>
        help.Contains('\\', StringComparison.Ordinal) ? help.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : help;

    private sealed class FamilyBuilder(string name)
    {
        public string Name { get; } = name;

        public MetricType Type { get; set; } = MetricType.Untyped;

        public bool Typed { get; set; }

        public string? Help { get; set; }

        public List<MetricSample> Samples { get; } = [];
    }
}
