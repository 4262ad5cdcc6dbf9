using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Integration.Tests.Systemd;

/// <summary>llmosd.socket's way of starting llmosd: on a socket systemd created, listens on and keeps.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class SocketActivationTests
{
    [Fact]
    public async Task Llmosd_serves_on_the_socket_systemd_passes_and_never_touches_its_file()
    {
        using var dir = new TempDir();
        await using var daemon = await SocketActivatedDaemon.ListenAsync(dir);
        string before = await InodeAndModeAsync(daemon.Socket);

        // The first connection is what makes systemd-socket-activate exec llmosd; it waits in the socket's backlog meanwhile.
        var health = await daemon.Client.HealthAsync();
        var status = await ProcessRunner.LlmosctlAsync(daemon.Socket, "status");
        var task = await daemon.Client.GenerateAsync("Once upon a time", new TaskOptions(MaxTokens: 8, Temperature: 0));
        var uid = await ProcessRunner.RunAsync("id", ["-u"]);
        string during = await InodeAndModeAsync(daemon.Socket);
        int exit = await daemon.TerminateAsync();

        Assert.Equal("ok", health.Status);
        Assert.True(status.ExitCode == 0, status.Stderr + daemon.Log);
        Assert.Contains("socket:  " + daemon.Socket, status.Stdout);
        Assert.Equal(TaskStates.Completed, task.State);
        Assert.Equal(8, task.Result!.Tokens);
        Assert.Equal(uint.Parse(uid.Stdout.Trim()), task.OwnerUid); // peer credentials read on an accepted connection of the inherited socket
        Assert.Contains("[2700] Serving on the socket systemd passed: " + daemon.Socket, daemon.Log);

        // Neither claimed (deleted and re-bound), nor chmod'ed, nor removed at the end: the file is systemd's.
        Assert.Equal(before, during);
        Assert.Equal(0, exit);
        Assert.Equal(before, await InodeAndModeAsync(daemon.Socket));
        Assert.Contains("[2703]", daemon.Log);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_socket_passed_to_it_llmosd_binds_its_own(bool variablesForAnotherProcess)
    {
        var environment = variablesForAnotherProcess
            ? new Dictionary<string, string> { ["LISTEN_PID"] = "1", ["LISTEN_FDS"] = "1", ["LISTEN_FDNAMES"] = "llmosd.socket" }
            : [];
        await using var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { Environment = environment });

        Assert.Equal("ok", (await daemon.Client.HealthAsync()).Status);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(daemon.Socket)); // its own file, made private
        Assert.DoesNotContain("[2700]", daemon.Log);
    }

    /// <summary>The file's inode number and mode as stat(1) prints them: "1234 socket 644".</summary>
    private static async Task<string> InodeAndModeAsync(string path)
    {
        var stat = await ProcessRunner.RunAsync("stat", ["-c", "%i %F %a", path]);
        Assert.Equal(0, stat.ExitCode);
        return stat.Stdout.Trim();
    }
}
