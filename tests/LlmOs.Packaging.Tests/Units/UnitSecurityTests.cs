namespace LlmOs.Packaging.Tests.Units;

/// <summary>systemd-analyze security --offline=true: the system service stays at or under the target.</summary>
public sealed class UnitSecurityTests
{
    /// <summary>Issue 8's target; systemd/README.md records the score and each remaining exposure.</summary>
    private const double Target = 2.0;

    [Fact]
    public async Task The_system_service_is_rated_at_most_the_target()
    {
        var (score, report) = await UnitTools.SecurityAsync("llmosd.service");

        Assert.True(score <= Target, $"exposure {score} > {Target}:\n{report}");
    }

    [Fact]
    public async Task Every_exposure_left_in_the_system_service_is_one_the_readme_explains()
    {
        var (_, report) = await UnitTools.SecurityAsync("llmosd.service");
        string readme = await File.ReadAllTextAsync(Infrastructure.RepoFiles.Systemd("README.md"));

        var exposures = report.Split('\n')
            .Where(line => line.StartsWith('✗'))
            .Select(line => line[1..].Trim().Split(' ')[0])
            .ToList();
        Assert.NotEmpty(exposures);
        Assert.All(exposures, setting => Assert.Contains("`" + setting + "`", readme));
    }
}
