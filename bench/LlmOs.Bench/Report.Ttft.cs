namespace LlmOs.Bench;

public sealed partial record Report
{
    private void PrintTtft()
    {
        Console.WriteLine($"Time to first token through the daemon: a stream of \"{BenchOptions.Prompt}\" for {BenchOptions.ShortTokens} tokens, {Options.Samples} times one after another,");
        Console.WriteLine($"  from the submit to the first delta; alone, then while {BenchOptions.BackgroundStreams} streams of {BenchOptions.LongTokens} tokens run beside it in the same batch");
        Console.WriteLine($"  {"beside",-9}{"samples",9}{"p50 ms",10}{"p99 ms",10}{"max ms",10}{"prefix of text",16}{"long streams left",19}{"their tok/s",13}");
        TtftRow(TtftAlone);
        TtftRow(TtftBusy);
        Console.WriteLine($"  beside {TtftBusy.Background} streams against alone: p50 x{TtftBusy.P50 / TtftAlone.P50:F1}, p99 x{TtftBusy.P99 / TtftAlone.P99:F1}");
        Console.WriteLine();
    }

    private static void TtftRow(TtftBench.Result r)
    {
        string left = r.Background == 0 ? "-" : $"{r.StillRunning}/{r.Background}";
        string rate = r.Background == 0 ? "-" : $"{r.BackgroundTokens / r.Window.TotalSeconds:F1}";
        Console.WriteLine($"  {r.Background,-9}{r.SortedMs.Length,9}{r.P50,10:F2}{r.P99,10:F2}{r.SortedMs[^1],10:F2}{$"{r.PrefixOfReference}/{r.SortedMs.Length}",16}{left,19}{rate,13}");
    }
}
