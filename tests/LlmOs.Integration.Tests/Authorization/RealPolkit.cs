using System.Diagnostics;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Authorization;

/// <summary>
/// Debian's polkitd (package <c>polkitd</c>) on a <see cref="SystemLikeBus"/>, with our policy file installed among
/// polkit's actions and a rule of the test's own among its rules — both under names of their own, written before
/// polkitd starts and removed on dispose (the suite runs as root on a throwaway machine; the package's own
/// org.llmos.policy, if installed, is left alone).
/// </summary>
public sealed class RealPolkit : IAsyncDisposable
{
    public const string Polkitd = "/usr/lib/polkit-1/polkitd";

    private readonly Process _process;
    private readonly string[] _installed;
    private readonly List<string> _log = [];

    private RealPolkit(SystemLikeBus bus, Process process, string[] installed)
    {
        Bus = bus;
        _process = process;
        _installed = installed;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public SystemLikeBus Bus { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>Environment for a process whose system bus is this one.</summary>
    public Dictionary<string, string> Environment => new() { ["DBUS_SYSTEM_BUS_ADDRESS"] = Bus.Address };

    /// <summary>Installs the policy and <paramref name="rules"/> (JavaScript), then starts polkitd and waits for its name.</summary>
    /// <summary>
    /// Root and the polkitd user may own <c>org.freedesktop.PolicyKit1</c>, root <c>org.llmos.Daemon</c>; anyone may
    /// call those two (as polkit's and our own bus policy files allow).
    /// </summary>
    private const string BusPolicy = """
        <policy context="default">
          <allow send_destination="org.freedesktop.PolicyKit1"/>
          <allow send_destination="org.llmos.Daemon"/>
        </policy>
        <policy user="polkitd">
          <allow own="org.freedesktop.PolicyKit1"/>
          <allow send_interface="org.freedesktop.PolicyKit1.AuthenticationAgent"/>
        </policy>
        <policy user="root">
          <allow own="org.freedesktop.PolicyKit1"/>
          <allow own="org.llmos.Daemon"/>
        </policy>
        """;

    public static async Task<RealPolkit> StartAsync(string rules)
    {
        string unique = Guid.NewGuid().ToString("N")[..12];
        string policy = $"/usr/share/polkit-1/actions/org.llmos.test-{unique}.policy";
        string rulesFile = $"/etc/polkit-1/rules.d/10-llmos-test-{unique}.rules";
        File.Copy(Path.Combine(TestPaths.RepoRoot, "packaging", "polkit", "org.llmos.policy"), policy);
        await File.WriteAllTextAsync(rulesFile, rules);
        File.SetUnixFileMode(rulesFile, (UnixFileMode)0b110_100_100); // polkitd reads rules as its own user
        string[] installed = [policy, rulesFile];

        SystemLikeBus? bus = null;
        try
        {
            bus = await SystemLikeBus.StartAsync(BusPolicy);
            var start = new ProcessStartInfo(Polkitd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("--no-debug");
            start.Environment["DBUS_SYSTEM_BUS_ADDRESS"] = bus.Address;
            var polkit = new RealPolkit(bus, Process.Start(start)!, installed);
            bus = null; // the polkit owns it now
            try
            {
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
                while (!await polkit.Bus.HasOwnerAsync("org.freedesktop.PolicyKit1"))
                {
                    if (polkit._process.HasExited || DateTime.UtcNow > deadline)
                    {
                        throw new InvalidOperationException("polkitd did not take org.freedesktop.PolicyKit1:\n" + polkit.Log);
                    }

                    await Task.Delay(50);
                }
            }
            catch
            {
                await polkit.DisposeAsync();
                throw;
            }

            return polkit;
        }
        catch
        {
            if (bus is not null)
            {
                await bus.DisposeAsync();
            }

            Remove(installed);
            throw;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    private static void Remove(string[] files)
    {
        foreach (string file in files)
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        Remove(_installed);
        await Bus.DisposeAsync();
    }
}
