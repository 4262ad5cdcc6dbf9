using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Security;
using LlmOs.Engine.Errors;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Daemon.Tests.Security;

/// <summary>Who is an administrator: root and (user mode) the daemon's own user without polkit; anyone else only on polkit's yes.</summary>
public sealed class AdministratorsTests
{
    private const uint DaemonUid = 990;
    private const uint OtherUid = 1234;

    private static readonly uint SelfPid = (uint)Environment.ProcessId;

    [Fact]
    public async Task Root_is_an_administrator_without_asking_polkit()
    {
        var polkit = FakePolkit.Says(false);
        var admins = Create(polkit, DaemonMode.System);

        Assert.True(await admins.IsAdministratorAsync(AdminCaller.WithPid(0, SelfPid), CancellationToken.None));
        await admins.EnsureAsync(AdminCaller.WithPid(0, SelfPid), "adding models", CancellationToken.None);
        Assert.Empty(polkit.Questions);
    }

    [Fact]
    public async Task The_daemons_own_user_is_an_administrator_in_user_mode_only()
    {
        var userMode = FakePolkit.Says(false);
        Assert.True(await Create(userMode, DaemonMode.User).IsAdministratorAsync(AdminCaller.WithPid(DaemonUid, SelfPid), CancellationToken.None));
        Assert.Empty(userMode.Questions);

        // The system user llmos is a service account, not an administrator: polkit decides for it like for anyone.
        var systemMode = FakePolkit.Says(false);
        Assert.False(await Create(systemMode, DaemonMode.System).IsAdministratorAsync(AdminCaller.WithPid(DaemonUid, SelfPid), CancellationToken.None));
        Assert.Single(systemMode.Questions);
    }

    [Fact]
    public async Task Another_user_is_an_administrator_when_polkit_says_yes_for_org_llmos_manage()
    {
        var polkit = FakePolkit.Says(true);

        await Create(polkit, DaemonMode.System).EnsureAsync(AdminCaller.WithPid(OtherUid, SelfPid), "adding models", CancellationToken.None);

        var (subject, action) = Assert.Single(polkit.Questions);
        Assert.Equal("org.llmos.manage", action);
        Assert.Equal(new PolkitSubject(SelfPid, ProcessStartTime.Read(SelfPid)!.Value, OtherUid), subject);
    }

    [Fact]
    public async Task Polkits_no_is_forbidden_naming_the_operation_and_the_action()
    {
        var admins = Create(FakePolkit.Says(false), DaemonMode.System);

        var refused = await Assert.ThrowsAsync<EngineException>(() => admins.EnsureAsync(AdminCaller.WithPid(OtherUid, SelfPid), "adding models", CancellationToken.None).AsTask());

        Assert.Equal(ErrorKind.Forbidden, refused.Kind);
        Assert.Equal("adding models needs root or the polkit action org.llmos.manage", refused.Message);
    }

    [Fact]
    public async Task A_polkit_that_cannot_be_asked_is_a_no_that_says_so()
    {
        var admins = Create(FakePolkit.Fails(new IOException("no such file: /run/dbus/system_bus_socket")), DaemonMode.System);

        Assert.False(await admins.IsAdministratorAsync(AdminCaller.WithPid(OtherUid, SelfPid), CancellationToken.None));
        var refused = await Assert.ThrowsAsync<EngineException>(() => admins.EnsureAsync(AdminCaller.WithPid(OtherUid, SelfPid), "adding models", CancellationToken.None).AsTask());
        Assert.Equal(ErrorKind.Forbidden, refused.Kind);
        Assert.Contains("org.llmos.manage", refused.Message);
        Assert.Contains("polkit could not be asked", refused.Message);
    }

    [Fact]
    public async Task A_polkit_that_never_answers_is_a_no_once_the_timeout_passes()
    {
        var admins = Create(FakePolkit.Hangs(), DaemonMode.System, TimeSpan.FromMilliseconds(50));

        var refused = await Assert.ThrowsAsync<EngineException>(() => admins.EnsureAsync(AdminCaller.WithPid(OtherUid, SelfPid), "adding models", CancellationToken.None).AsTask());

        Assert.Equal(ErrorKind.Forbidden, refused.Kind);
        Assert.Contains("polkit could not be asked", refused.Message);
    }

    [Fact]
    public async Task A_caller_that_goes_away_cancels_the_question()
    {
        var polkit = FakePolkit.Hangs();
        var admins = Create(polkit, DaemonMode.System);
        using var gone = new CancellationTokenSource();

        var asking = admins.IsAdministratorAsync(AdminCaller.WithPid(OtherUid, SelfPid), gone.Token).AsTask();
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
    }

    [Fact]
    public async Task A_pid_that_cannot_be_learned_is_a_no()
    {
        var polkit = FakePolkit.Says(true);
        var caller = new AdminCaller(OtherUid, _ => Task.FromException<uint>(new InvalidOperationException("the caller left the bus")));

        Assert.False(await Create(polkit, DaemonMode.System).IsAdministratorAsync(caller, CancellationToken.None));
        Assert.Empty(polkit.Questions);
    }

    [Fact]
    public async Task A_process_whose_start_time_is_unreadable_is_asked_about_with_start_time_0()
    {
        var polkit = FakePolkit.Says(false);
        const uint NoSuchPid = 0x3FFFFFFF; // above pid_max: no /proc entry

        await Create(polkit, DaemonMode.System).IsAdministratorAsync(AdminCaller.WithPid(OtherUid, NoSuchPid), CancellationToken.None);

        Assert.Equal(new PolkitSubject(NoSuchPid, 0, OtherUid), Assert.Single(polkit.Questions).Subject);
    }

    private static Administrators Create(FakePolkit polkit, DaemonMode mode, TimeSpan? timeout = null) =>
        new(polkit, new AdministratorRules(mode, DaemonUid) { PolkitTimeout = timeout ?? TimeSpan.FromSeconds(25) }, NullLogger<Administrators>.Instance);
}
