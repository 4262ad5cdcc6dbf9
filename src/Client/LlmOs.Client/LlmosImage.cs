namespace LlmOs.Client;

/// <summary>
/// An image to send to llmosd: a file's bytes in memory, or a file by its path. A path lets a transport hand llmosd the
/// file rather than a copy: the socket streams it as the request's body, D-Bus passes its file descriptor. Any format
/// llmosd decodes (JPEG, PNG, WebP, BMP, GIF); llmosd, not the client, decides what is an image and what is too large.
/// </summary>
public sealed class LlmosImage
{
    private LlmosImage(ReadOnlyMemory<byte> bytes, string? path)
    {
        Bytes = bytes;
        Path = path;
    }

    /// <summary>The image file's bytes; empty for an image given by its <see cref="Path"/>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The image file's full path, or null for an image given as bytes.</summary>
    public string? Path { get; }

    /// <summary>An image from its file's bytes (not decoded pixels).</summary>
    public static LlmosImage FromBytes(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    /// <summary>
    /// An image file, opened when the request is sent: a file that cannot be read then throws the usual
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>, before anything reaches llmosd.
    /// </summary>
    public static LlmosImage FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(default, System.IO.Path.GetFullPath(path));
    }

    /// <summary>The file's bytes: those given, or the file read now.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken = default) =>
        Path is { } path ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : Bytes;

    /// <summary>The file's bytes in base64, as the JSON requests carry an image (<c>image</c> of <c>POST /v1/ask</c>).</summary>
    public async Task<string> ReadBase64Async(CancellationToken cancellationToken = default) =>
        Convert.ToBase64String((await ReadAsync(cancellationToken).ConfigureAwait(false)).Span);
}
