using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Deb;

/// <summary>What <c>dpkg-deb --info</c> and <c>--contents</c> say about the built package, and what lintian finds.</summary>
[Collection(DebCollection.Name)]
public sealed class DebContentsTests(DebPackageFixture package)
{
    [Fact]
    public async Task Control_names_the_package_version_architecture_and_runtime_dependencies()
    {
        var info = await ProcessRunner.RunAsync("dpkg-deb", ["--info", package.Deb]);
        Assert.True(info.ExitCode == 0, info.Stderr);
        var fields = ControlFields(info.Stdout);

        Assert.Equal("llmos", fields["Package"]);
        Assert.Equal(package.Version, fields["Version"]);
        Assert.Equal("amd64", fields["Architecture"]);
        Assert.Equal("optional", fields["Priority"]);
        Assert.True(long.Parse(fields["Installed-Size"]) > 50_000, $"Installed-Size {fields["Installed-Size"]} KiB is too small for a self-contained publish");
        var depends = fields["Depends"].Split(',', StringSplitOptions.TrimEntries).Select(d => d.Split(' ')[0]).ToList();
        foreach (string needed in (string[])["libc6", "libstdc++6", "libgcc-s1", "libgomp1", "libssl3", "libtesseract5", "tesseract-ocr-eng", "libpocketsphinx3", "pocketsphinx-en-us", "libespeak-ng1"])
        {
            Assert.Contains(needed, depends);
        }

        Assert.Contains("polkitd", fields["Recommends"]);
        Assert.Contains("conffiles", info.Stdout);
        Assert.Contains("postinst", info.Stdout);
    }

    [Fact]
    public async Task Contents_hold_the_programs_units_bus_and_polkit_files_man_pages_completions_and_conffile()
    {
        var contents = await ProcessRunner.RunAsync("dpkg-deb", ["--contents", package.Deb]);
        Assert.True(contents.ExitCode == 0, contents.Stderr);
        // "-rwxr-xr-x root/root 123 2026-12-07 12:00 ./usr/lib/llmos/llmosd" or "... ./usr/bin/llmosctl -> ../lib/llmos/llmosctl".
        var entries = contents.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.IndexOf("./", StringComparison.Ordinal) + 1)..])
            .ToHashSet();

        string[] expected =
        [
            "/usr/lib/llmos/llmosd", "/usr/lib/llmos/llmosctl", "/usr/lib/llmos/llmosd.dll", "/usr/lib/llmos/llmosctl.dll",
            "/usr/lib/llmos/libcoreclr.so", "/usr/lib/llmos/runtimes/linux-x64/native/avx2/libllama.so",
            "/usr/sbin/llmosd -> ../lib/llmos/llmosd", "/usr/bin/llmosctl -> ../lib/llmos/llmosctl",
            "/usr/lib/systemd/system/llmosd.service", "/usr/lib/systemd/system/llmosd.socket", "/usr/lib/systemd/user/llmosd.service",
            "/usr/share/dbus-1/system.d/org.llmos.Daemon.conf", "/usr/share/dbus-1/system-services/org.llmos.Daemon.service",
            "/usr/share/dbus-1/services/org.llmos.Daemon.service", "/usr/share/dbus-1/interfaces/org.llmos.Daemon1.xml",
            "/usr/share/dbus-1/interfaces/org.llmos.Task1.xml", "/usr/share/dbus-1/interfaces/org.llmos.IntentHandler1.xml",
            "/usr/share/polkit-1/actions/org.llmos.policy", "/usr/lib/sysusers.d/llmos.conf", "/usr/lib/tmpfiles.d/llmos.conf",
            "/usr/share/man/man8/llmosd.8.gz", "/usr/share/man/man1/llmosctl.1.gz",
            "/usr/share/bash-completion/completions/llmosctl", "/usr/share/zsh/vendor-completions/_llmosctl",
            "/usr/share/fish/vendor_completions.d/llmosctl.fish", "/etc/llmosd/llmosd.json",
            "/usr/share/doc/llmos/copyright", "/usr/share/doc/llmos/changelog.gz",
        ];
        Assert.All(expected, path => Assert.Contains(path, entries));
        // Only linux-x64 native code: LLamaSharp's arm64 and musl builds are left out of an amd64 package.
        Assert.DoesNotContain(entries, e => e.Contains("/runtimes/linux-arm64/", StringComparison.Ordinal) || e.Contains("/runtimes/linux-musl", StringComparison.Ordinal));
        // Everything belongs to root (--root-owner-group); the service user's files are made at install time.
        Assert.All(contents.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(" root/root ", line));
    }

    [Fact]
    public async Task The_conffile_is_the_default_configuration()
    {
        var conffiles = await ProcessRunner.RunAsync("dpkg-deb", ["--info", package.Deb, "conffiles"]);
        Assert.True(conffiles.ExitCode == 0, conffiles.Stderr);
        Assert.Equal(["/etc/llmosd/llmosd.json"], conffiles.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Lintian_reports_no_errors()
    {
        var lintian = await ProcessRunner.RunAsync("lintian", ["--no-tag-display-limit", package.Deb], timeout: TimeSpan.FromMinutes(20));
        var errors = lintian.Stdout.Split('\n').Where(line => line.StartsWith("E:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "lintian errors:\n" + string.Join('\n', errors));
        // lintian exits 0 with warnings only, 1 with errors, 2 when it could not run at all.
        Assert.True(lintian.ExitCode == 0, $"lintian exited {lintian.ExitCode}:\n{lintian.Stdout}\n{lintian.Stderr}");
    }

    private static Dictionary<string, string> ControlFields(string info)
    {
        // dpkg-deb --info indents the control file by one space; continuation lines are indented further.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in info.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith(' ') && !line.StartsWith("  ", StringComparison.Ordinal) && colon > 1)
            {
                fields[line[1..colon]] = line[(colon + 1)..].Trim();
            }
        }

        return fields;
    }
}
