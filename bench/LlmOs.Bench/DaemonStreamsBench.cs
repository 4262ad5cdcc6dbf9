using System.Diagnostics;

namespace LlmOs.Bench;

/// <summary>Several greedy streams through the daemon at once, each from its own client, all submitted together.</summary>
public sealed class DaemonStreamsBench(string socket, int daemonPid, int maxTokens, int maxStreams) : IDisposable
{
    private readonly DaemonBench[] _clients = [.. Enumerable.Range(0, maxStreams).Select(_ => new DaemonBench(socket, daemonPid, maxTokens))];

    /// <summary>The first client alone: the daemon's single stream.</summary>
    public DaemonBench Alone => _clients[0];

    /// <summary>
    /// Timed from before the first submit to the last final event. CPU is the daemon's plus this process's (all the clients)
    /// over the whole round; the per-stream CPU figures of <see cref="DaemonBench"/> overlap and are not used.
    /// </summary>
    public async Task<AggregateRun> RunAsync(int streams)
    {
        var clientCpuStart = CpuTime.Self();
        var serverCpuStart = CpuTime.Of(daemonPid);
        long start = Stopwatch.GetTimestamp();
        var runs = await Task.WhenAll(_clients.Take(streams).Select(c => c.GenerateOnceAsync()));
        var elapsed = Stopwatch.GetElapsedTime(start);
        var clientCpu = CpuTime.Self() - clientCpuStart;
        var serverCpu = CpuTime.Of(daemonPid) - serverCpuStart;
        return new AggregateRun(streams, runs.Sum(r => r.Tokens), elapsed, clientCpu + serverCpu, serverCpu, [.. runs.Select(r => r.Text)]);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
