namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>The daemon in system mode (socket 0660, group llmos-test) so that the test users can reach it with curl.</summary>
public static class MultiUserDaemon
{
    public static async Task<(TempDir Dir, DaemonProcess Daemon)> StartAsync(Dictionary<string, string>? environment = null)
    {
        await TestUsers.EnsureAsync();
        var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101); // the users must reach the socket inside
        var variables = new Dictionary<string, string>(environment ?? []) { ["LLMOSD_SOCKETGROUP"] = TestUsers.Group };
        var daemon = await DaemonProcess.StartAsync(new DaemonProcess.Options { Directory = dir.Path, Args = ["--system"], Environment = variables });
        return (dir, daemon);
    }
}
