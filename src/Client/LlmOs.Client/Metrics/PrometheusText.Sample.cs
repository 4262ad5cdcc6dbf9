using System.Globalization;
using System.Text;

namespace LlmOs.Client.Metrics;

/// <summary>One sample line: <c>name</c>, optional <c>{label="value",…}</c> (escapes <c>\\</c>, <c>\"</c>, <c>\n</c>), a value, an optional timestamp.</summary>
public static partial class PrometheusText
{
    private static MetricSample ReadSample(string line)
    {
        int at = 0;
        string name = ReadName(line, ref at, metric: true);
        SkipSpace(line, ref at);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            ReadLabels(line, ref at, labels);
            SkipSpace(line, ref at);
        }

        var fields = line[at..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is 0 or > 2)
        {
            throw new FormatException(fields.Length == 0 ? "a sample without a value" : "text after the timestamp");
        }

        if (!MetricsSnapshot.TryParseValue(fields[0], out double value))
        {
            throw new FormatException($"'{fields[0]}' is not a number");
        }

        long? timestamp = null;
        if (fields.Length == 2)
        {
            timestamp = long.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ms)
                ? ms
                : throw new FormatException($"'{fields[1]}' is not a timestamp");
        }

        return new MetricSample(name, labels, value, timestamp);
    }

    private static void ReadLabels(string line, ref int at, Dictionary<string, string> labels)
    {
        while (true)
        {
            SkipSpace(line, ref at);
            if (at < line.Length && line[at] == '}')
            {
                at++;
                return;
            }

            string label = ReadName(line, ref at, metric: false);
            SkipSpace(line, ref at);
            Expect(line, ref at, '=');
            SkipSpace(line, ref at);
            string value = ReadQuoted(line, ref at);
            if (!labels.TryAdd(label, value))
            {
                throw new FormatException($"label '{label}' twice");
            }

            SkipSpace(line, ref at);
            if (at < line.Length && line[at] == ',')
            {
                at++; // a trailing comma before '}' is allowed
            }
            else if (at >= line.Length || line[at] != '}')
            {
                throw new FormatException($"expected ',' or '}}' at column {at + 1}");
            }
        }
    }

    private static string ReadQuoted(string line, ref int at)
    {
        Expect(line, ref at, '"');
        var value = new StringBuilder();
        while (at < line.Length)
        {
            char c = line[at++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\' && at < line.Length)
            {
                char escaped = line[at++];
                value.Append(escaped switch
                {
                    'n' => "\n",
                    '\\' => "\\",
                    '"' => "\"",
                    _ => "\\" + escaped, // not an escape of the format: kept as written
                });
                continue;
            }

            value.Append(c);
        }

        throw new FormatException("a label value without its closing quote");
    }

    /// <summary>Metric names are <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; label names the same without colons.</summary>
    private static string ReadName(string line, ref int at, bool metric)
    {
        int start = at;
        while (at < line.Length && IsNameChar(line[at], first: at == start, metric))
        {
            at++;
        }

        return at > start ? line[start..at] : throw new FormatException($"expected a {(metric ? "metric" : "label")} name at column {start + 1}");
    }

    private static bool IsMetricName(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (!IsNameChar(name[i], first: i == 0, metric: true))
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private static bool IsNameChar(char c, bool first, bool metric) =>
        char.IsAsciiLetter(c) || c == '_' || (metric && c == ':') || (!first && char.IsAsciiDigit(c));

    private static void SkipSpace(string line, ref int at)
    {
        while (at < line.Length && line[at] is ' ' or '\t')
        {
            at++;
        }
    }

    private static void Expect(string line, ref int at, char expected)
    {
        if (at >= line.Length || line[at] != expected)
        {
            throw new FormatException($"expected '{expected}' at column {at + 1}");
        }

        at++;
    }
}
