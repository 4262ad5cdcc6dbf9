using System.Text.RegularExpressions;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Packaging.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Deb;

/// <summary>
/// The .deb, built once with <c>packaging/build-deb</c> into a temp dir for every test of the "deb" collection: the
/// self-contained ReadyToRun publish takes minutes on CI's two cores.
/// </summary>
public sealed partial class DebPackageFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    /// <summary>The version in Directory.Build.props, which build-deb uses when given none.</summary>
    public string Version { get; } = VersionPattern().Match(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props"))).Groups[1].Value;

    public string Deb { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var build = await ProcessRunner.RunAsync(RepoFiles.Packaging("build-deb"), ["--output", _dir.Path], timeout: TimeSpan.FromMinutes(45));
        Assert.True(build.ExitCode == 0, $"build-deb failed ({build.ExitCode}):\n{build.Stderr}");
        Deb = build.Stdout.Trim().Split('\n')[^1];
        Assert.Equal(Path.Combine(_dir.Path, $"llmos_{Version}_amd64.deb"), Deb);
        Assert.True(File.Exists(Deb), $"build-deb printed {Deb}, which does not exist");
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionPattern();
}
