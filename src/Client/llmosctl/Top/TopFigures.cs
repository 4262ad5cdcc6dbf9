namespace LlmOs.Ctl.Top;

/// <summary>What one <c>llmosctl top</c> frame shows, read from a scrape of <c>/metrics</c> (and <c>--json</c> prints).</summary>
/// <param name="QueueDepth">Tasks waiting, by priority.</param>
/// <param name="TasksRunning">Tasks running now.</param>
/// <param name="Tasks">Finished tasks by kind and outcome, since the daemon started.</param>
/// <param name="TokensGenerated">Tokens generated since the daemon started, all models.</param>
/// <param name="TokensPerSecond">The rate since the previous frame; null on the first.</param>
/// <param name="TimeToFirstToken">From submission to first token, since the daemon started, all models.</param>
/// <param name="TokenInterval">Time per batch step (between two tokens), since the daemon started, all models.</param>
/// <param name="Models">The resident models.</param>
/// <param name="Process">The daemon process itself.</param>
internal sealed record TopFigures(
    IReadOnlyDictionary<string, double> QueueDepth,
    double TasksRunning,
    IReadOnlyList<TaskCount> Tasks,
    double TokensGenerated,
    double? TokensPerSecond,
    LatencyFigures TimeToFirstToken,
    LatencyFigures TokenInterval,
    IReadOnlyList<ModelFigures> Models,
    ProcessFigures Process);
