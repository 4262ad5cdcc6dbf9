namespace LlmOs.Bench;

public static partial class ColdStartBench
{
    /// <summary>Target for the packaged (ReadyToRun) build, from issue 8.</summary>
    public const double TargetMilliseconds = 400;

    public static void Print(IReadOnlyList<Result> results, Package package, int runs, TextWriter output)
    {
        output.WriteLine($"cold start: exec to READY=1, no model, user mode, --bus none; median of {runs} runs each after 1 warm-up, alternating (target for ReadyToRun < {TargetMilliseconds} ms)");
        output.WriteLine($"  {"build",-58}{"median ms",11}{"min ms",9}{"max ms",9}");
        foreach (var result in results)
        {
            output.WriteLine($"  {result.Name,-58}{result.Median,11:F0}{result.Milliseconds.Min(),9:F0}{result.Milliseconds.Max(),9:F0}");
        }

        if (results.Count == 2)
        {
            output.WriteLine($"  ReadyToRun / framework-dependent: {results[0].Median / results[1].Median:F2}; target {(results[0].Median < TargetMilliseconds ? "met" : "NOT met")}");
        }

        output.WriteLine($"package: {Path.GetFileName(package.Deb)} {package.FileBytes / 1048576.0:F1} MiB ({package.FileBytes:N0} bytes); Installed-Size {package.InstalledKiB:N0} KiB ({package.InstalledKiB / 1024.0:F1} MiB)");
        foreach (var result in results)
        {
            output.WriteLine($"  {result.Name}: {result.CommandLine}");
        }
    }
}
