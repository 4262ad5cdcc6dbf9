using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Metrics;

/// <summary>The metrics' log messages, with stable event ids (2300-2349).</summary>
internal static partial class MetricsLog
{
    [LoggerMessage(2300, LogLevel.Debug, "Model {Model} is no longer resident; its memory and sequence gauges were removed")]
    public static partial void ModelSeriesRemoved(ILogger logger, string model);
}
