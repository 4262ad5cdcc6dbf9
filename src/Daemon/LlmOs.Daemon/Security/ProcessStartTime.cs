using System.Globalization;

namespace LlmOs.Daemon.Security;

/// <summary>A process's start time as polkit's <c>unix-process</c> subject wants it: field 22 of <c>/proc/PID/stat</c>.</summary>
internal static class ProcessStartTime
{
    /// <summary>Field 22 (starttime) counted from 1; fields after the command name start at field 3.</summary>
    private const int StartTimeField = 22;
    private const int FirstFieldAfterName = 3;

    /// <summary>The start time of <paramref name="pid"/>, or null when it cannot be read (gone, or hidden by ProtectProc=).</summary>
    public static ulong? Read(uint pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads starttime from a stat line. The command name (field 2) is in parentheses and may itself hold spaces and
    /// parentheses, so the fields are counted from the last ')'.
    /// </summary>
    public static ulong? Parse(string stat)
    {
        int nameEnd = stat.LastIndexOf(')');
        if (nameEnd < 0)
        {
            return null;
        }

        var fields = stat[(nameEnd + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int index = StartTimeField - FirstFieldAfterName;
        return fields.Length > index && ulong.TryParse(fields[index], NumberStyles.None, CultureInfo.InvariantCulture, out ulong ticks)
            ? ticks
            : null;
    }
}
