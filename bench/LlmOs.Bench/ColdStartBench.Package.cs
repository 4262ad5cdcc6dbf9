using System.Diagnostics;

namespace LlmOs.Bench;

public static partial class ColdStartBench
{
    /// <summary>The .deb's file size, its Installed-Size (KiB) and where its /usr/lib/llmos was unpacked.</summary>
    public sealed record Package(string Deb, long FileBytes, long InstalledKiB, string LibDir);

    /// <summary>
    /// The package to measure: <paramref name="deb"/> when given, else a fresh one from <c>packaging/build-deb</c> (the
    /// same ReadyToRun self-contained publish the package ships). Unpacked with <c>dpkg-deb -x</c> under <paramref name="dir"/>.
    /// </summary>
    public static async Task<Package> UnpackAsync(string? deb, string dir)
    {
        if (deb is null)
        {
            string output = Path.Combine(dir, "deb");
            Directory.CreateDirectory(output);
            Console.Error.WriteLine("[bench] cold start: building the package with packaging/build-deb (minutes)");
            var build = await RunAsync(Path.Combine(BenchPaths.RepoRoot, "packaging", "build-deb"), ["--output", output], TimeSpan.FromMinutes(40));
            deb = build.Trim().Split('\n')[^1];
        }

        deb = Path.GetFullPath(deb);
        if (!File.Exists(deb))
        {
            throw new FileNotFoundException($"no package at {deb}");
        }

        string root = Path.Combine(dir, "root");
        await RunAsync("dpkg-deb", ["-x", deb, root], TimeSpan.FromMinutes(5));
        long installed = long.Parse((await RunAsync("dpkg-deb", ["-f", deb, "Installed-Size"], TimeSpan.FromMinutes(1))).Trim());
        return new Package(deb, new FileInfo(deb).Length, installed, Path.Combine(root, "usr", "lib", "llmos"));
    }

    private static async Task<string> RunAsync(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await stderr}");
    }
}
