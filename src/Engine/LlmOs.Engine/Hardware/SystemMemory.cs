namespace LlmOs.Engine.Hardware;

/// <summary>Reads the kernel's estimate of memory available for new work (<c>MemAvailable</c> in /proc/meminfo).</summary>
public static class SystemMemory
{
    public static long Available(string meminfo = "/proc/meminfo")
    {
        foreach (string line in File.ReadLines(meminfo))
        {
            if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidDataException($"{meminfo} has no MemAvailable line");
    }
}
