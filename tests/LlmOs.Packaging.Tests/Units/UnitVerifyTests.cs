using LlmOs.Packaging.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Units;

/// <summary>systemd-analyze verify on every unit we ship, with llmosd where the package puts it.</summary>
public sealed class UnitVerifyTests
{
    [Fact]
    public async Task The_system_service_and_socket_verify_clean()
    {
        var result = await UnitTools.VerifySystemAsync(withDaemon: true, "llmosd.service", "llmosd.socket");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr.Trim());
    }

    [Fact]
    public async Task Verify_fails_when_llmosd_is_not_at_its_installed_path()
    {
        var result = await UnitTools.VerifySystemAsync(withDaemon: false, "llmosd.service", "llmosd.socket");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("/usr/lib/llmos/llmosd is not executable", result.Stderr);
    }

    [Fact]
    public async Task The_user_service_verifies_clean()
    {
        var result = await UnitTools.VerifyUserAsync("user/llmosd.service", withDaemon: true);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr.Trim());
    }

    [Fact]
    public async Task The_user_service_check_finds_a_missing_llmosd_too()
    {
        var result = await UnitTools.VerifyUserAsync("user/llmosd.service", withDaemon: false);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("/usr/lib/llmos/llmosd is not executable", result.Stderr);
    }

    [Fact]
    public async Task The_socket_is_for_group_llmos_only_at_the_agreed_path()
    {
        string socket = await File.ReadAllTextAsync(RepoFiles.Systemd("llmosd.socket"));

        Assert.Contains("\nListenStream=/run/llmosd/llmosd.sock\n", socket);
        Assert.Contains("\nSocketMode=0660\n", socket);
        Assert.Contains("\nSocketGroup=llmos\n", socket);
    }
}
