using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Packaging.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Units;

/// <summary>
/// The unit's seccomp settings applied to the real llmosd without systemd (PID 1 is not systemd in CI), through
/// sandbox-exec, which rebuilds what systemd 252 loads for them; probe-llmosd then checks /v1/health and a generation
/// with stories260K. This finds out, rather than guesses, what the daemon runs under.
/// </summary>
public sealed class SandboxTests
{
    private static string Probe => Path.Combine(TestPaths.RepoRoot, "tests/LlmOs.Packaging.Tests/Units/probe-llmosd");

    [Fact]
    public async Task Llmosd_serves_and_generates_under_the_units_system_call_filter_and_address_families()
    {
        string unit = await File.ReadAllTextAsync(RepoFiles.Systemd("llmosd.service"));
        string filter = string.Join(' ', Settings(unit, "SystemCallFilter"));
        string families = string.Join(',', Settings(unit, "RestrictAddressFamilies"));
        Assert.Contains("@system-service", filter);
        Assert.Equal("AF_UNIX", families);

        var result = await RunProbeAsync(["--syscalls", filter, "--families", families]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.StartsWith("works:", result.Stdout);
    }

    /// <summary>Why the unit says MemoryDenyWriteExecute=no: were this to start passing, the unit should say yes.</summary>
    [Theory]
    [InlineData("systemd", "1")]
    [InlineData("systemd", "0")]
    [InlineData("prctl", "1")]
    [InlineData("prctl", "0")]
    public async Task Llmosd_cannot_start_under_memory_deny_write_execute(string mdwe, string writeXorExecute)
    {
        var control = await RunProbeAsync([], writeXorExecute);
        Assert.True(control.ExitCode == 0, control.Stdout + control.Stderr);

        var result = await RunProbeAsync(["--mdwe", mdwe], writeXorExecute);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("fails: no /v1/health", result.Stdout);
    }

    private static Task<ProcessRunner.Result> RunProbeAsync(string[] sandbox, string writeXorExecute = "1") =>
        ProcessRunner.RunAsync(
            Probe,
            sandbox,
            new Dictionary<string, string>
            {
                ["LLMOSD"] = TestPaths.Llmosd,
                ["LLMOSCTL"] = TestPaths.Llmosctl,
                ["MODEL"] = TestPaths.Stories,
                ["DOTNET_EnableWriteXorExecute"] = writeXorExecute,
            },
            TimeSpan.FromMinutes(3));

    /// <summary>The values of every <c>Key=</c> line of a unit, in order.</summary>
    private static IEnumerable<string> Settings(string unit, string key) =>
        unit.Split('\n').Where(line => line.StartsWith(key + "=", StringComparison.Ordinal)).Select(line => line[(key.Length + 1)..].Trim());
}
