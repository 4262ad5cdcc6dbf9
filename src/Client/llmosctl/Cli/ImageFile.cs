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
    public static LlmosImage Open(string path) => LlmosImage.FromFile(LocalFile.CheckReadable(path, "an image file"));
}
