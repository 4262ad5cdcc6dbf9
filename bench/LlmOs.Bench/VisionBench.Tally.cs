using System.Diagnostics;

namespace LlmOs.Bench;

public static partial class VisionBench
{
    /// <summary>
    /// One configuration's figures, gathered over several rounds: each call's latency, the wall time and the CPU time
    /// (this process's and the daemon's) of the timed calls. Calls walk the photos round-robin. The first failure
    /// stops the configuration and becomes its row.
    /// </summary>
    private sealed class Tally(string path, int batch, int? daemonPid, Func<int, int, CancellationToken, Task<string[]>> classify)
    {
        private readonly List<double> _latencies = [];
        private TimeSpan _elapsed;
        private TimeSpan _selfCpu;
        private TimeSpan _daemonCpu;
        private int _offset;
        private string? _failure;

        public int Batch => batch;

        public Task WarmUpAsync(int calls, CancellationToken cancellationToken) => GuardAsync(async () =>
        {
            for (int i = 0; i < calls; i++)
            {
                await CallAsync(cancellationToken);
            }
        });

        public Task RunAsync(int calls, CancellationToken cancellationToken) => GuardAsync(async () =>
        {
            var selfStart = CpuTime.Self();
            var daemonStart = daemonPid is { } pid ? CpuTime.Of(pid) : TimeSpan.Zero;
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++)
            {
                long callStart = Stopwatch.GetTimestamp();
                await CallAsync(cancellationToken);
                _latencies.Add(Stopwatch.GetElapsedTime(callStart).TotalMilliseconds);
            }

            _elapsed += Stopwatch.GetElapsedTime(start);
            _selfCpu += CpuTime.Self() - selfStart;
            _daemonCpu += (daemonPid is { } after ? CpuTime.Of(after) : TimeSpan.Zero) - daemonStart;
        });

        public Point ToPoint()
        {
            if (_failure is not null || _latencies.Count == 0)
            {
                return new Point(path, batch, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, _failure ?? "no calls");
            }

            var sorted = _latencies.Order().ToArray();
            int images = sorted.Length * batch;
            return new Point(
                path, batch, sorted.Length, images, images / _elapsed.TotalSeconds, Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 99),
                (_selfCpu + _daemonCpu).TotalMilliseconds / images, _daemonCpu.TotalMilliseconds / images);
        }

        private async Task CallAsync(CancellationToken cancellationToken)
        {
            var labels = await classify(_offset, batch, cancellationToken);
            if (labels.Length != batch)
            {
                throw new InvalidOperationException($"{batch} images classified into {labels.Length} answers");
            }

            _offset += batch;
        }

        private async Task GuardAsync(Func<Task> work)
        {
            if (_failure is not null)
            {
                return;
            }

            try
            {
                await work();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _failure = $"{e.GetType().Name}: {e.Message}";
            }
        }
    }
}
