using System.Runtime.InteropServices;

namespace LlmOs.Daemon.Hosting;

/// <summary>The two libc calls .NET has no API for: the file-creation mask and a file's group.</summary>
internal static partial class Posix
{
    [LibraryImport("libc", EntryPoint = "umask")]
    public static partial uint SetUmask(uint mask);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Chown(string path, int owner, int group);

    /// <summary>The gid of a group from /etc/group, or null when there is no such group.</summary>
    public static int? GroupId(string name)
    {
        if (!File.Exists("/etc/group"))
        {
            return null;
        }

        foreach (string line in File.ReadLines("/etc/group"))
        {
            string[] fields = line.Split(':');
            if (fields.Length >= 3 && fields[0] == name && int.TryParse(fields[2], out int gid))
            {
                return gid;
            }
        }

        return null;
    }
}
