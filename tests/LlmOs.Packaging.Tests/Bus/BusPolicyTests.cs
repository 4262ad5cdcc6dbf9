using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Packaging.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Bus;

/// <summary>
/// packaging/dbus/org.llmos.Daemon.conf on a private system-like bus: only llmos owns org.llmos.Daemon; members of
/// group llmos and root may call it; everyone else is refused by the bus itself (AccessDenied), before llmosd sees
/// the call.
/// </summary>
public sealed class BusPolicyTests
{
    private const string AccessDenied = "org.freedesktop.DBus.Error.AccessDenied";

    /// <summary>Our policy file exactly as the package installs it, added to the system bus's defaults.</summary>
    private static readonly string PackagedPolicy = $"<include>{RepoFiles.Packaging("dbus/org.llmos.Daemon.conf")}</include>";

    [Fact]
    public async Task Dbus_daemon_loads_the_policy()
    {
        // StartAsync fails with dbus-daemon's complaint when it cannot load the configuration or the included file.
        await using var bus = await SystemLikeBus.StartAsync(PackagedPolicy);

        Assert.StartsWith("unix:path=", bus.Address);
    }

    [Fact]
    public async Task Only_the_llmos_user_may_own_the_name()
    {
        await ServiceAccounts.EnsureAsync();
        await using var bus = await SystemLikeBus.StartAsync(PackagedPolicy);

        var asService = await bus.RequestNameAsAsync(ServiceAccounts.Service, ServiceAccounts.Service);
        var asMember = await bus.RequestNameAsAsync(ServiceAccounts.Member, TestUsers.Group, ServiceAccounts.Service);
        var asRoot = await bus.RequestNameAsAsync("root", "root");
        var asOutsider = await bus.RequestNameAsAsync(ServiceAccounts.Outsider, TestUsers.Group, TestUsers.Group);

        Assert.True(asService.ExitCode == 0, asService.Stderr);
        Assert.Contains("uint32 1", asService.Stdout); // DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER
        foreach (var refused in (ProcessRunner.Result[])[asMember, asRoot, asOutsider])
        {
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains(AccessDenied, refused.Stderr);
        }
    }

    [Fact]
    public async Task Members_of_llmos_and_root_may_call_llmosd_and_others_are_refused()
    {
        await ServiceAccounts.EnsureAsync();
        await using var bus = await SystemLikeBus.StartAsync(PackagedPolicy);
        await using var daemon = await SystemDaemon.StartAsync(bus);

        var asMember = await bus.CallDaemonAsAsync(ServiceAccounts.Member, TestUsers.Group, [ServiceAccounts.Service], "GetStatus");
        var asRoot = await bus.CallDaemonAsAsync("root", "root", [], "GetStatus");
        var asOutsider = await bus.CallDaemonAsAsync(ServiceAccounts.Outsider, TestUsers.Group, [TestUsers.Group], "GetStatus");

        Assert.True(asMember.ExitCode == 0, asMember.Stderr);
        Assert.Contains("'mode'", asMember.Stdout);
        Assert.True(asRoot.ExitCode == 0, asRoot.Stderr);
        Assert.Contains("'mode'", asRoot.Stdout);
        Assert.NotEqual(0, asOutsider.ExitCode);
        Assert.Contains(AccessDenied, asOutsider.Stderr);
    }
}
