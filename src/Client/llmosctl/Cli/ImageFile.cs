using System.CommandLine;
using LlmOs.Client;

namespace LlmOs.Ctl.Cli;

/// <summary>An image file named on the command line: its argument, and the check that it can be read before llmosd is asked.</summary>
internal static class ImageFile
{
    public const string Formats = "JPEG, PNG, WebP, BMP or GIF";

    public static Argument<string> Argument(string description) => new("file") { Description = description };

    /// <summary>
    /// The image at <paramref name="path"/>, opened once here so that a wrong path is a clear local error (exit 2) rather
    /// than a stack trace or the daemon's refusal. The transport opens it again to send it: streamed on the socket, its
    /// descriptor on D-Bus. Whether it is an image is llmosd's to say.
    /// </summary>
    public static LlmosImage Open(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new LocalFileException($"'{path}' is a directory, not an image file");
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

        return LlmosImage.FromFile(full);
    }
}
