using System.Collections.Concurrent;
using LlmOs.Engine.Metrics;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.Metrics;
using Prometheus;

namespace LlmOs.Daemon.Metrics;

/// <summary>
/// What the engine reports, counted in prometheus-net collectors of this daemon's own registry (never the
/// static default one: tests run several daemons in one process). The engine calls these on its hot paths,
/// so the labelled children are created once (per task kind and outcome up front, per model on first use)
/// and every later call is a dictionary read and an interlocked add.
/// </summary>
public sealed class PrometheusEngineMetrics : IEngineMetrics
{
    private static readonly TaskState[] Outcomes = [TaskState.Completed, TaskState.Failed, TaskState.Cancelled];

    private readonly Counter _tasks;
    private readonly Counter.Child[,] _tasksByKindAndOutcome;
    private readonly Counter _tokens;
    private readonly Histogram _timeToFirstToken;
    private readonly Histogram _tokenInterval;
    private readonly Histogram _modelLoad;
    private readonly ConcurrentDictionary<string, ModelSeries> _models = new(StringComparer.Ordinal);
    private readonly Func<string, ModelSeries> _newModelSeries;

    public PrometheusEngineMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _tasks = factory.CreateCounter(MetricNames.Tasks, "Tasks that finished, by kind and outcome.", ["kind", "outcome"]);
        _tokens = factory.CreateCounter(MetricNames.TokensGenerated, "Tokens generated, by model.", ["model"]);
        _timeToFirstToken = factory.CreateHistogram(
            MetricNames.TimeToFirstToken,
            "From a task's submission to its first generated token (queueing, model load and prompt included), by model.",
            ["model"],
            new HistogramConfiguration { Buckets = MetricBuckets.TimeToFirstToken });
        _tokenInterval = factory.CreateHistogram(
            MetricNames.TokenInterval,
            "The time one batch step took, that is, between two tokens of every sequence in it, by model.",
            ["model"],
            new HistogramConfiguration { Buckets = MetricBuckets.TokenInterval });
        _modelLoad = factory.CreateHistogram(
            MetricNames.ModelLoad,
            "How long loading a model into memory took, by model.",
            ["model"],
            new HistogramConfiguration { Buckets = MetricBuckets.ModelLoad });

        // Every kind and outcome is published at zero from the start, so a rate() over a fresh daemon is defined.
        var kinds = Enum.GetValues<TaskKind>();
        _tasksByKindAndOutcome = new Counter.Child[kinds.Length, Outcomes.Length];
        foreach (var kind in kinds)
        {
            for (int o = 0; o < Outcomes.Length; o++)
            {
                _tasksByKindAndOutcome[(int)kind, o] = _tasks.WithLabels(LabelValue(kind), LabelValue(Outcomes[o]));
            }
        }

        _newModelSeries = model => new ModelSeries(
            _tokens.WithLabels(model),
            _timeToFirstToken.WithLabels(model),
            _tokenInterval.WithLabels(model),
            _modelLoad.WithLabels(model));
    }

    /// <summary>This daemon's registry: the engine's figures here, the scheduler's gauges added by <see cref="SchedulerGauges"/>.</summary>
    public CollectorRegistry Registry { get; }

    public void TaskFinished(TaskKind kind, TaskState outcome)
    {
        int o = Array.IndexOf(Outcomes, outcome);
        if ((uint)kind < (uint)_tasksByKindAndOutcome.GetLength(0) && o >= 0)
        {
            _tasksByKindAndOutcome[(int)kind, o].Inc();
        }
        else
        {
            // Not a finished state, or a kind added since: still counted, just without the cached child.
            _tasks.WithLabels(LabelValue(kind), LabelValue(outcome)).Inc();
        }
    }

    public void TokensGenerated(string model, int count)
    {
        if (count > 0) // a counter refuses to go down; nothing to count otherwise
        {
            Series(model).Tokens.Inc(count);
        }
    }

    public void FirstToken(string model, TimeSpan sinceSubmitted) => Series(model).TimeToFirstToken.Observe(Seconds(sinceSubmitted));

    public void TokenInterval(string model, TimeSpan interval) => Series(model).TokenInterval.Observe(Seconds(interval));

    public void ModelLoaded(string model, TimeSpan took) => Series(model).ModelLoad.Observe(Seconds(took));

    /// <summary>The wire's names for enums are their lower-case words (<c>generate</c>, <c>completed</c>, <c>interactive</c>).</summary>
    internal static string LabelValue<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private ModelSeries Series(string model) => _models.GetOrAdd(model ?? "", _newModelSeries);

    private static double Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds);

    private sealed record ModelSeries(Counter.Child Tokens, Histogram.Child TimeToFirstToken, Histogram.Child TokenInterval, Histogram.Child ModelLoad);
}
