using System.Text;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.DBus;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>The bus's own command-line clients, gdbus (GLib) and busctl (systemd), as any script would run them.</summary>
public static class BusTools
{
    public static Task<ProcessRunner.Result> GdbusCallAsync(string address, string path, string method, params string[] args) =>
        ProcessRunner.RunAsync("gdbus", ["call", "--address", address, "--dest", DBusNames.Service, "--object-path", path, "--method", method, .. args]);

    public static Task<ProcessRunner.Result> BusctlAsync(string address, params string[] args) =>
        ProcessRunner.RunAsync("busctl", ["--address=" + address, .. args]);

    /// <summary>gdbus call as another user (a test user made by <see cref="TestUsers"/>), through setpriv.</summary>
    public static async Task<ProcessRunner.Result> GdbusCallAsAsync(string user, string address, string path, string method, params string[] args)
    {
        await TestUsers.EnsureAsync();
        return await ProcessRunner.RunAsync("setpriv",
            ["--reuid=" + user, "--regid=" + TestUsers.Group, "--groups=" + TestUsers.Group, "--reset-env",
             "gdbus", "call", "--address", address, "--dest", DBusNames.Service, "--object-path", path, "--method", method, .. args]);
    }

    /// <summary>The one string of a gdbus reply printed as a GVariant tuple, <c>('text',)</c>, unescaped.</summary>
    public static string SingleString(string gvariant)
    {
        string text = gvariant.Trim();
        Assert.True(text.Length >= 5 && text[0] == '(' && text.EndsWith(",)", StringComparison.Ordinal), $"not a one-string tuple: {text}");
        char quote = text[1];
        Assert.True(quote is '\'' or '"', $"not a string: {text}");
        var result = new StringBuilder();
        int i = 2;
        for (; text[i] != quote; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            char escaped = text[++i];
            switch (escaped)
            {
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case 'u':
                    result.Append((char)Convert.ToInt32(text.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default: result.Append(escaped); break;
            }
        }

        Assert.Equal(",)", text[(i + 1)..]);
        return result.ToString();
    }

    /// <summary>The task id at the end of a task's object path.</summary>
    public static string TaskId(string path) => DBusNames.TaskId(path) ?? throw new ArgumentException($"{path} is not a task's path");

    /// <summary>The object path in gdbus's <c>(objectpath '/org/llmos/Task/…',)</c>.</summary>
    public static string ObjectPath(string gvariant)
    {
        int start = gvariant.IndexOf('\'', StringComparison.Ordinal) + 1;
        return gvariant[start..gvariant.IndexOf('\'', start)];
    }
}
