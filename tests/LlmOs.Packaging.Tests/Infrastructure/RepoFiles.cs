using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Infrastructure;

/// <summary>The packaging sources in the repository: units, bus and polkit files, the .deb build.</summary>
public static class RepoFiles
{
    public static string Systemd(string name) => Path.Combine(TestPaths.RepoRoot, "systemd", name);

    public static string Packaging(string relative) => Path.Combine(TestPaths.RepoRoot, "packaging", relative);
}
