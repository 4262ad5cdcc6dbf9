using System.Diagnostics;
using Tmds.DBus.Protocol;

namespace LlmOs.Bench;

/// <summary>
/// Method-call round trips on one connection, one call after another: the bus daemon's own GetId (the floor),
/// Peer.Ping on llmosd (the extra hop through the bus to llmosd and back, no work), and llmosd's GetStatus.
/// The three run interleaved in blocks so that the machine's noise falls on each alike.
/// </summary>
public static class BusRoundTripBench
{
    public sealed record Result(string Call, int Calls, double P50Microseconds, double P99Microseconds, double CallsPerSecond);

    private const int Block = 100;

    public static async Task<Result[]> RunAsync(string address, int calls, int warmup)
    {
        using var connection = new DBusConnection(address);
        await connection.ConnectAsync();
        Func<Task>[] work = [() => BusCalls.GetIdAsync(connection), () => BusCalls.PingAsync(connection), () => BusCalls.GetStatusAsync(connection)];
        string[] names = ["org.freedesktop.DBus.GetId (bus daemon, the floor)", "Peer.Ping on llmosd (no work)", "org.llmos.Daemon1.GetStatus"];
        foreach (var call in work)
        {
            for (int i = 0; i < warmup; i++)
            {
                await call();
            }
        }

        var latencies = work.Select(_ => new double[calls]).ToArray();
        var elapsed = new TimeSpan[work.Length];
        for (int done = 0; done < calls; done += Block)
        {
            for (int w = 0; w < work.Length; w++)
            {
                long blockStart = Stopwatch.GetTimestamp();
                for (int i = done; i < Math.Min(calls, done + Block); i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    await work[w]();
                    latencies[w][i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                }

                elapsed[w] += Stopwatch.GetElapsedTime(blockStart);
            }
        }

        return [.. work.Select((_, w) =>
        {
            Array.Sort(latencies[w]);
            return new Result(names[w], calls, Stats.Percentile(latencies[w], 50), Stats.Percentile(latencies[w], 99), calls / elapsed[w].TotalSeconds);
        })];
    }
}
