using System.Diagnostics;
using System.Text;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Packaging.Tests.Deb;

/// <summary>
/// Installs the built .deb on THIS machine with dpkg, runs llmosd from it as the llmos user, removes and purges it.
/// It changes the machine (a package, the llmos user and group, /etc/llmosd, /var/lib/llmosd, /run/llmosd), so it is
/// for root on a throwaway machine such as CI's, where PID 1 is not systemd: the maintainer scripts must cope with that.
/// </summary>
[Collection(DebCollection.Name)]
public sealed class DebInstallTests(DebPackageFixture package)
{
    private const string SystemSocket = "/run/llmosd/llmosd.sock";
    private const string ModelsDir = "/var/lib/llmosd/models";

    [Fact]
    public async Task Installs_serves_status_as_the_llmos_user_and_removes_keeping_conffile_and_models()
    {
        await PurgeAsync(); // a previous run may have left the package installed
        Process? daemon = null;
        try
        {
            await MustAsync("dpkg", "-i", package.Deb);
            var version = await MustAsync("/usr/bin/llmosctl", "--version");
            Assert.StartsWith(package.Version, version.Trim(), StringComparison.Ordinal);
            Assert.Contains("llmosd " + package.Version, await MustAsync("/usr/sbin/llmosd", "--version"));
            await MustAsync("getent", "passwd", "llmos");
            await MustAsync("getent", "group", "llmos");
            Assert.True(File.Exists("/etc/llmosd/llmosd.json"));
            Assert.Equal("llmos:llmos", (await MustAsync("stat", "-c", "%U:%G", "/var/lib/llmosd")).Trim());

            // By hand, as systemd would (but without it): the llmos user, its groups, no system bus to be found.
            var output = new StringBuilder();
            daemon = StartDaemon(output);
            var status = await WaitForStatusAsync(daemon, output);
            Assert.Contains($"llmosd {package.Version} (system mode)", status);
            Assert.Contains("socket:  " + SystemSocket, status);
            Assert.Contains("you:     uid 0:", status);

            // A member of group llmos reaches the socket (mode 0660, group llmos); the same user outside it does not.
            await TestUsers.EnsureAsync();
            uint alice = await TestUsers.UidAsync(TestUsers.Alice);
            var member = await AsAliceAsync("--groups=llmos");
            Assert.True(member.ExitCode == 0, $"llmosctl status as a member of llmos: {member.Stdout}{member.Stderr}");
            Assert.Contains($"you:     uid {alice}:", member.Stdout);
            var outsider = await AsAliceAsync("--clear-groups");
            Assert.True(outsider.ExitCode == 3, $"llmosctl status outside group llmos exited {outsider.ExitCode}: {outsider.Stdout}{outsider.Stderr}");
            Assert.Contains("permission denied", outsider.Stderr);

            await ProcessRunner.SignalAsync(daemon.Id);
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                await daemon.WaitForExitAsync(stop.Token);
            }

            Assert.True(daemon.ExitCode == 0, $"llmosd exited {daemon.ExitCode} on SIGTERM:\n{output}");

            // A model the administrator put in the state folder; remove must keep it, and the conffile.
            string model = Path.Combine(ModelsDir, "kept.gguf");
            await File.WriteAllTextAsync(model, "not really a model");
            await MustAsync("dpkg", "-r", "llmos");
            Assert.False(File.Exists("/usr/lib/llmos/llmosd"));
            Assert.False(File.Exists("/usr/lib/llmos/llmosctl"));
            Assert.False(Path.Exists("/usr/bin/llmosctl"));
            Assert.False(Path.Exists("/usr/sbin/llmosd"));
            Assert.False(File.Exists("/usr/lib/systemd/system/llmosd.service"));
            Assert.True(File.Exists("/etc/llmosd/llmosd.json"), "remove deleted the conffile");
            Assert.True(File.Exists(model), "remove deleted the models");
            Assert.Contains("Status: deinstall ok config-files", await MustAsync("dpkg", "-s", "llmos"));

            await MustAsync("dpkg", "-P", "llmos");
            Assert.False(File.Exists("/etc/llmosd/llmosd.json"));
            Assert.False(Directory.Exists("/var/lib/llmosd"));
            Assert.NotEqual(0, (await ProcessRunner.RunAsync("dpkg", ["-s", "llmos"])).ExitCode);
        }
        finally
        {
            if (daemon is { HasExited: false })
            {
                daemon.Kill();
                await daemon.WaitForExitAsync();
            }

            daemon?.Dispose();
            await PurgeAsync();
        }
    }

    private static Process StartDaemon(StringBuilder output)
    {
        var start = new ProcessStartInfo("setpriv", ["--reuid=llmos", "--regid=llmos", "--init-groups", "/usr/sbin/llmosd", "--system"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=/run/llmos-test-no-such-bus";
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("LLMOSD_", StringComparison.Ordinal) || k is "NOTIFY_SOCKET" or "LISTEN_FDS" or "LISTEN_PID").ToList())
        {
            start.Environment.Remove(key);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// <c>llmosctl status</c> as root on the system socket, named: left to find it, llmosctl would take a user-mode
    /// daemon's /tmp/llmosd-root socket first, which other tests on this machine may have left.
    /// </summary>
    private static async Task<string> WaitForStatusAsync(Process daemon, StringBuilder output)
    {
        var deadline = Stopwatch.StartNew();
        ProcessRunner.Result? last = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(daemon.HasExited, $"llmosd exited ({(daemon.HasExited ? daemon.ExitCode : 0)}):\n{Text(output)}");
            last = await ProcessRunner.RunAsync("/usr/bin/llmosctl", ["--socket", SystemSocket, "status"]);
            if (last.ExitCode == 0)
            {
                return last.Stdout;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"llmosctl status never answered: {last?.Stdout}{last?.Stderr}\nllmosd:\n{Text(output)}");
    }

    private static Task<ProcessRunner.Result> AsAliceAsync(string groups) =>
        ProcessRunner.RunAsync("setpriv", ["--reuid=" + TestUsers.Alice, "--regid=" + TestUsers.Group, groups, "--reset-env", "/usr/bin/llmosctl", "--socket", SystemSocket, "status"]);

    private static async Task PurgeAsync()
    {
        if ((await ProcessRunner.RunAsync("dpkg", ["-s", "llmos"])).ExitCode == 0)
        {
            await MustAsync("dpkg", "-P", "llmos");
        }
    }

    private static async Task<string> MustAsync(string program, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(program, args, timeout: TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Stdout}\n{result.Stderr}");
        return result.Stdout;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
