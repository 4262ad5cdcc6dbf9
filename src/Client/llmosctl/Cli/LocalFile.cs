namespace LlmOs.Ctl.Cli;

/// <summary>Files named on the command line: checked here so that a wrong path is a clear local error (exit 2), not a stack trace or llmosd's refusal.</summary>
internal static class LocalFile
{
    /// <summary>The full path of a file that exists and can be opened for reading.</summary>
    public static string CheckReadable(string path, string what)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new LocalFileException($"'{path}' is a directory, not {what}");
        }

        try
        {
            using var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LocalFileException($"cannot read '{path}': no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new LocalFileException($"cannot read '{path}': permission denied");
        }
        catch (IOException e)
        {
            throw new LocalFileException($"cannot read '{path}': {e.Message}");
        }

        return full;
    }

    /// <summary>
    /// Checks before llmosd is asked that <paramref name="path"/> can be written (its folder exists, it is no folder), so that a
    /// typo does not throw away an answer, or follow a command that already acted. <c>-</c> is stdout.
    /// </summary>
    public static void CheckWritable(string path)
    {
        if (path == "-")
        {
            return;
        }

        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new LocalFileException($"cannot write '{path}': it is a directory");
        }

        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new LocalFileException($"cannot write '{path}': no such directory");
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> (<c>-</c>: stdout); a path that cannot be written is a local error.</summary>
    public static async Task WriteAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException or IOException)
        {
            throw new LocalFileException($"cannot write '{path}': {e.Message}");
        }
    }
}
