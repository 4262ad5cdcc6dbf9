namespace LlmOs.Ctl.Top;

/// <summary>One resident model: its memory, what it is generating, and its own token count and latencies.</summary>
internal sealed record ModelFigures(
    string Name,
    double ResidentBytes,
    double ActiveSequences,
    double TokensGenerated,
    double? TokensPerSecond,
    LatencyFigures TimeToFirstToken,
    LatencyFigures TokenInterval);
