using System.Globalization;
using System.Text.RegularExpressions;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Packaging.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Units;

/// <summary>
/// systemd-analyze (systemd 252) on our units. PID 1 need not be systemd: verify and security --offline read the
/// files. verify also checks that ExecStart= names an executable, so each check places the real built llmosd (the
/// apphost of the build the tests run against) at /usr/lib/llmos/llmosd, where the package installs it.
/// </summary>
public static partial class UnitTools
{
    public const string SystemUnitDir = "/usr/lib/systemd/system";

    /// <summary>The built llmosd executable (apphost) beside the llmosd.dll the tests use.</summary>
    public static string BuiltLlmosd => Path.Combine(Path.GetDirectoryName(TestPaths.Llmosd)!, "llmosd");

    /// <summary>
    /// verify in a root directory that holds the host's systemd units (the targets our units hang on), our system
    /// units at their installed paths and llmosd at /usr/lib/llmos/llmosd (left out when <paramref name="withDaemon"/>
    /// is false, to show the check is real).
    /// </summary>
    public static async Task<ProcessRunner.Result> VerifySystemAsync(bool withDaemon, params string[] units)
    {
        using var root = new TempDir();
        string unitDir = root.Path + SystemUnitDir;
        Directory.CreateDirectory(unitDir);
        foreach (string file in Directory.EnumerateFiles(SystemUnitDir))
        {
            File.Copy(file, Path.Combine(unitDir, Path.GetFileName(file)));
        }

        foreach (string unit in units)
        {
            File.Copy(RepoFiles.Systemd(unit), Path.Combine(unitDir, unit), overwrite: true);
        }

        if (withDaemon)
        {
            PlaceDaemon(Path.Combine(root.Path, "usr/lib/llmos"));
        }

        // --man=no: the man page comes with the .deb (packaging/man), not on the machine the tests run on.
        return await ProcessRunner.RunAsync("systemd-analyze", ["verify", "--man=no", "--root=" + root.Path, .. units]);
    }

    /// <summary>
    /// verify --user on a user unit. systemd 252 refuses --root with --user, so llmosd is put at /usr/lib/llmos/llmosd
    /// for this one command only: in a private mount namespace, through an overlay on /usr/lib.
    /// </summary>
    public static async Task<ProcessRunner.Result> VerifyUserAsync(string unit, bool withDaemon)
    {
        using var dir = new TempDir();
        string upper = dir.File("upper"), work = dir.File("work"), runtime = dir.File("xdg");
        Directory.CreateDirectory(upper);
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(runtime);
        if (withDaemon)
        {
            PlaceDaemon(Path.Combine(upper, "llmos"));
        }

        string script = $"mount -t overlay overlay -o lowerdir=/usr/lib,upperdir={upper},workdir={work} /usr/lib && "
            + $"exec systemd-analyze verify --user --man=no {RepoFiles.Systemd(unit)}";
        return await ProcessRunner.RunAsync(
            "unshare", ["--mount", "--propagation", "private", "sh", "-c", script],
            new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = runtime });
    }

    /// <summary>The "Overall exposure level" that systemd-analyze security --offline=true gives the unit.</summary>
    public static async Task<(double Score, string Report)> SecurityAsync(string unit, bool user = false)
    {
        using var runtime = new TempDir();
        List<string> args = ["security", "--offline=true", "--no-pager"];
        if (user)
        {
            args.Add("--user");
        }

        var result = await ProcessRunner.RunAsync(
            "systemd-analyze", [.. args, RepoFiles.Systemd(unit)],
            new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = runtime.Path });
        var match = OverallExposure().Match(result.Stdout);
        Assert.True(match.Success, $"no exposure level in: {result.Stdout}\n{result.Stderr}");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), result.Stdout);
    }

    private static void PlaceDaemon(string directory)
    {
        Directory.CreateDirectory(directory);
        string target = Path.Combine(directory, "llmosd");
        File.Copy(BuiltLlmosd, target);
        File.SetUnixFileMode(target, (UnixFileMode)0b111_101_101);
    }

    [GeneratedRegex(@"Overall exposure level for \S+: (\d+\.\d+)")]
    private static partial Regex OverallExposure();
}
