using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Bus;

/// <summary>
/// The accounts the bus policy names, made once per machine when missing (the tests run as root, as CI does): the
/// service user and group <c>llmos</c> (as the package's sysusers.d makes them: a system account, no login), a
/// member of group llmos, and TestUsers' Bob, who is not a member.
/// </summary>
public static class ServiceAccounts
{
    public const string Service = "llmos";
    public const string Member = "llmos-test-member";
    public static readonly string Outsider = TestUsers.Bob;

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync()
    {
        await TestUsers.EnsureAsync();
        await Gate.WaitAsync();
        try
        {
            if ((await ProcessRunner.RunAsync("getent", ["group", Service])).ExitCode != 0)
            {
                await MustAsync("groupadd", ["--system", Service]);
            }

            if ((await ProcessRunner.RunAsync("id", ["-u", Service])).ExitCode != 0)
            {
                await MustAsync("useradd", ["--system", "-g", Service, "-d", "/var/lib/llmosd", "-M", "-s", "/usr/sbin/nologin", Service]);
            }

            if ((await ProcessRunner.RunAsync("id", ["-u", Member])).ExitCode != 0)
            {
                await MustAsync("useradd", ["-M", "-N", "-g", TestUsers.Group, "-G", Service, "-s", "/usr/sbin/nologin", Member]);
            }

            string groups = await MustAsync("id", ["-nG", Member]);
            if (!groups.Split(' ', StringSplitOptions.TrimEntries).Contains(Service))
            {
                await MustAsync("usermod", ["-a", "-G", Service, Member]);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> MustAsync(string program, string[] args)
    {
        var result = await ProcessRunner.RunAsync(program, args);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', args)}: {result.Stderr}");
        return result.Stdout;
    }
}
