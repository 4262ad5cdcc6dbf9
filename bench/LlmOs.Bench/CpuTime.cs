namespace LlmOs.Bench;

/// <summary>
/// CPU time used so far (user + system, all threads). On a shared, noisy machine this says more about
/// per-token overhead than wall time does: it does not grow while a process waits for a core.
/// </summary>
public static class CpuTime
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, the unit of /proc/<pid>/stat on Linux

    /// <summary>This process (getrusage: microseconds).</summary>
    public static TimeSpan Self() => Environment.CpuUsage.TotalTime;

    /// <summary>Another process, from /proc/&lt;pid&gt;/stat (utime + stime, in 10 ms ticks); zero once it is gone.</summary>
    public static TimeSpan Of(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }

        // The command name, field 2, is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11]) + long.Parse(fields[12]); // fields 14 and 15 of the whole line
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
