using System.Diagnostics;
using LlmOs.Daemon.Security;

namespace LlmOs.Daemon.Tests.Security;

/// <summary>Field 22 of /proc/PID/stat, as polkit's unix-process subject wants it.</summary>
public sealed class ProcessStartTimeTests
{
    [Fact]
    public void Fields_are_counted_after_the_last_parenthesis_so_a_command_name_with_spaces_and_parentheses_is_no_trouble()
    {
        const string Stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 200 18446744073709551615";

        Assert.Equal(987654UL, ProcessStartTime.Parse(Stat));
    }

    [Fact]
    public void A_line_that_is_cut_short_or_not_a_stat_line_has_no_start_time()
    {
        Assert.Null(ProcessStartTime.Parse("4242 (sh) S 1 4242"));
        Assert.Null(ProcessStartTime.Parse("not a stat line"));
    }

    [Fact]
    public async Task A_running_process_start_time_is_what_the_process_reads_for_itself()
    {
        // sh prints its own field 22 (its name has no spaces, so cut counts right), then waits for stdin to close.
        var start = new ProcessStartInfo("sh", ["-c", "cut -d' ' -f22 /proc/$$/stat; read line"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var shell = Process.Start(start)!;
        string own = (await shell.StandardOutput.ReadLineAsync())!.Trim();

        ulong? read = ProcessStartTime.Read((uint)shell.Id);

        shell.StandardInput.Close();
        await shell.WaitForExitAsync();
        Assert.Equal(ulong.Parse(own), read);
    }

    [Fact]
    public void A_process_that_does_not_exist_has_no_start_time() => Assert.Null(ProcessStartTime.Read(0x3FFFFFFF));
}
