using System.Diagnostics;
using LlmOs.Client;

namespace LlmOs.Bench;

/// <summary>GET /v1/health round trips: each worker is one client (its own HttpClient, its own connection) sending one request after another.</summary>
public static class HealthBench
{
    public sealed record Result(int Clients, int Requests, double P50Microseconds, double P99Microseconds, double MaxMicroseconds, double RequestsPerSecond);

    public static async Task<Result> RunAsync(string socket, int clients, int requests, int warmup)
    {
        var workers = Enumerable.Range(0, clients).Select(_ => LlmosClient.ForSocket(socket)).ToList();
        try
        {
            await RoundAsync(workers, warmup, null);
            var latencies = new double[requests];
            long start = Stopwatch.GetTimestamp();
            await RoundAsync(workers, requests, latencies);
            var elapsed = Stopwatch.GetElapsedTime(start);
            Array.Sort(latencies);
            return new Result(
                clients,
                requests,
                Stats.Percentile(latencies, 50),
                Stats.Percentile(latencies, 99),
                latencies[^1],
                requests / elapsed.TotalSeconds);
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    /// <summary>Sends <paramref name="count"/> requests in all, shared among the workers, each recording its latency (µs) when asked.</summary>
    private static Task RoundAsync(List<LlmosClient> workers, int count, double[]? latencies)
    {
        int next = -1;
        return Task.WhenAll(workers.Select(client => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                long start = Stopwatch.GetTimestamp();
                var health = await client.HealthAsync();
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (health.Status != "ok")
                {
                    throw new InvalidOperationException($"/v1/health answered status '{health.Status}'");
                }

                if (latencies is not null)
                {
                    latencies[index] = elapsed.TotalMicroseconds;
                }
            }
        })));
    }
}
