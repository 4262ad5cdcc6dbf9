namespace LlmOs.Bench;

/// <summary>The D-Bus section of the report (issue 4): round trips against the bus daemon's floor, and streaming against the socket.</summary>
public static class BusReport
{
    /// <summary>Issue 4: llmosd's GetStatus round trip within this multiple of the bus daemon's own GetId.</summary>
    public const double RoundTripTarget = 1.5;

    /// <summary>Issue 4: tokens per second received as Delta signals, at least this share of the socket stream's.</summary>
    public const double StreamTarget = 0.8;

    public static void Print(BusRoundTripBench.Result[] calls, List<BusStreamBench.Run> socket, List<BusStreamBench.Run> bus, TextWriter output)
    {
        output.WriteLine("D-Bus: method-call round trips, one connection, one call after another (interleaved blocks of 100)");
        output.WriteLine($"  {"call",-52} {"calls",7} {"p50 µs",9} {"p99 µs",9} {"calls/s",9}");
        foreach (var call in calls)
        {
            output.WriteLine($"  {call.Call,-52} {call.Calls,7} {call.P50Microseconds,9:F0} {call.P99Microseconds,9:F0} {call.CallsPerSecond,9:F0}");
        }

        double ratio = calls[2].P50Microseconds / calls[0].P50Microseconds;
        double overPing = calls[2].P50Microseconds / calls[1].P50Microseconds;
        output.WriteLine($"  GetStatus p50 / GetId p50 = {ratio:F2} (target ≤ {RoundTripTarget}); GetStatus / Ping = {overPing:F2} (llmosd's own work per call)");
        output.WriteLine();

        output.WriteLine("D-Bus: a greedy generation streamed as Delta signals versus the socket's event stream (alternating runs)");
        output.WriteLine($"  {"path",-24} {"runs",5} {"tokens",7} {"median tok/s",13} {"pieces/run",11}");
        double socketRate = Stats.Median([.. socket.Select(r => r.TokensPerSecond)]);
        double busRate = Stats.Median([.. bus.Select(r => r.TokensPerSecond)]);
        foreach (var (runs, rate) in new[] { (socket, socketRate), (bus, busRate) })
        {
            output.WriteLine($"  {runs[0].Path,-24} {runs.Count,5} {runs[0].Tokens,7} {rate,13:F0} {runs.Average(r => r.Pieces),11:F1}");
        }

        bool same = bus.All(r => r.Text == socket[0].Text) && socket.All(r => r.Text == socket[0].Text);
        output.WriteLine($"  D-Bus / socket = {busRate / socketRate:F2} (target ≥ {StreamTarget}); same text on both paths: {(same ? "yes" : "NO")}");
    }
}
