namespace LlmOs.Client.Metrics;

/// <summary>A metric family's type, from its <c># TYPE</c> line; <see cref="Untyped"/> when it has none.</summary>
public enum MetricType
{
    Untyped,
    Counter,
    Gauge,
    Histogram,
    Summary,
}
