namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>
/// Two unprivileged users in one group, made once per machine with useradd/groupadd (the tests run as
/// root, as CI does), and curl run as one of them through setpriv.
/// </summary>
public static class TestUsers
{
    public const string Group = "llmos-test";
    public const string Alice = "llmos-test-a";
    public const string Bob = "llmos-test-b";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if ((await ProcessRunner.RunAsync("getent", ["group", Group])).ExitCode != 0)
            {
                await MustAsync("groupadd", [Group]);
            }

            foreach (var user in (string[])[Alice, Bob])
            {
                if ((await ProcessRunner.RunAsync("id", ["-u", user])).ExitCode != 0)
                {
                    await MustAsync("useradd", ["-M", "-N", "-g", Group, "-s", "/usr/sbin/nologin", user]);
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<uint> UidAsync(string user) => uint.Parse((await MustAsync("id", ["-u", user])).Trim());

    public static async Task<uint> GidAsync(string group) => uint.Parse((await MustAsync("getent", ["group", group])).Split(':')[2]);

    /// <summary>curl as <paramref name="user"/>: returns the HTTP status and the body.</summary>
    public static async Task<(int Status, string Body)> CurlAsAsync(string user, string socket, string method, string path, string? body = null)
    {
        List<string> args = ["--reuid=" + user, "--regid=" + Group, "--groups=" + Group, "--reset-env", "curl", "-s", "-w", "\n%{http_code}", "--unix-socket", socket, "-X", method];
        if (body is not null)
        {
            args.AddRange(["-H", "Content-Type: application/json", "-d", body]);
        }

        args.Add("http://localhost" + path);
        var result = await ProcessRunner.RunAsync("setpriv", args);
        Assert.True(result.ExitCode == 0, $"curl as {user} failed ({result.ExitCode}): {result.Stderr}");
        int split = result.Stdout.LastIndexOf('\n');
        return (int.Parse(result.Stdout[(split + 1)..]), result.Stdout[..split]);
    }

    private static async Task<string> MustAsync(string program, string[] args)
    {
        var result = await ProcessRunner.RunAsync(program, args);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', args)}: {result.Stderr}");
        return result.Stdout;
    }
}
