using LlmOs.Daemon.Hosting;

namespace LlmOs.Daemon.Tests.Hosting;

/// <summary>Sockets passed to another process (LISTEN_PID not ours) are not taken, and the variables never reach llmosd's children.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SystemdSocketsTests
{
    [Theory]
    [InlineData("1")] // meant for PID 1, not this process
    [InlineData("")]
    public void Sockets_for_another_process_are_left_and_the_variables_removed(string pid)
    {
        Environment.SetEnvironmentVariable("LISTEN_PID", pid);
        Environment.SetEnvironmentVariable("LISTEN_FDS", "1");
        Environment.SetEnvironmentVariable("LISTEN_FDNAMES", "llmosd.socket");

        var sockets = SystemdSockets.Take(out var refused);

        Assert.Empty(sockets);
        Assert.Empty(refused);
        Assert.Null(Environment.GetEnvironmentVariable("LISTEN_PID"));
        Assert.Null(Environment.GetEnvironmentVariable("LISTEN_FDS"));
        Assert.Null(Environment.GetEnvironmentVariable("LISTEN_FDNAMES"));
    }
}
