using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.Metrics;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace LlmOs.Daemon.Metrics;

/// <summary>
/// The scheduler's state as gauges, read from it just before each scrape rather than pushed on every change:
/// queue depth per priority, running tasks, and the memory and active sequences of each resident model.
/// A model that left memory loses its series, so a scrape shows only what is resident now.
/// </summary>
public sealed class SchedulerGauges
{
    private static readonly TaskPriority[] Priorities = Enum.GetValues<TaskPriority>();

    private readonly Scheduler _scheduler;
    private readonly ILogger<SchedulerGauges> _logger;
    private readonly Gauge.Child[] _queueDepth;
    private readonly Gauge _running;
    private readonly Gauge _residentBytes;
    private readonly Gauge _activeSequences;
    private readonly Lock _update = new();
    private HashSet<string> _resident = new(StringComparer.Ordinal);

    public SchedulerGauges(PrometheusEngineMetrics metrics, Scheduler scheduler, ILogger<SchedulerGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _scheduler = scheduler;
        _logger = logger;
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        var queueDepth = factory.CreateGauge(MetricNames.QueueDepth, "Tasks waiting, by priority.", ["priority"]);
        _queueDepth = [.. Priorities.Select(p => queueDepth.WithLabels(PrometheusEngineMetrics.LabelValue(p)))];
        _running = factory.CreateGauge(MetricNames.TasksRunning, "Tasks running now.");
        _residentBytes = factory.CreateGauge(MetricNames.ModelResidentBytes, "Memory a resident (or loading) model holds, by model.", ["model"]);
        _activeSequences = factory.CreateGauge(MetricNames.ModelActiveSequences, "Sequences a resident model is generating now, by model.", ["model"]);
        metrics.Registry.AddBeforeCollectCallback(Update);
    }

    /// <summary>Reads the scheduler; scrapes may run at the same time, so one update at a time.</summary>
    private void Update()
    {
        lock (_update)
        {
            for (int i = 0; i < Priorities.Length; i++)
            {
                _queueDepth[i].Set(_scheduler.QueueDepthOf(Priorities[i]));
            }

            _running.Set(_scheduler.RunningCount);

            var now = new HashSet<string>(StringComparer.Ordinal);
            foreach (var model in _scheduler.Resident())
            {
                now.Add(model.Name);
                _residentBytes.WithLabels(model.Name).Set(model.MemoryBytes);
                _activeSequences.WithLabels(model.Name).Set(model.ActiveSequences);
            }

            foreach (var gone in _resident.Where(m => !now.Contains(m)))
            {
                _residentBytes.RemoveLabelled(gone);
                _activeSequences.RemoveLabelled(gone);
                MetricsLog.ModelSeriesRemoved(_logger, gone);
            }

            _resident = now;
        }
    }
}
