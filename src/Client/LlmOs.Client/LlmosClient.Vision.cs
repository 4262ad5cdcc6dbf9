using LlmOs.Ipc.Vision;

namespace LlmOs.Client;

/// <summary>
/// Images: what is in them (classification with a vision model) and the text they show (OCR). Each takes the image file's
/// bytes or its path; with a path the file goes to llmosd as it is (streamed on the socket, its descriptor on D-Bus). A
/// refusal throws <see cref="LlmosException"/>: <c>unsupported_media</c> for what is not an image (or is truncated),
/// <c>too_large</c> over llmosd's byte or pixel limit, <c>model_not_found</c>/<c>needs_model</c> without a vision model.
/// Cancelling the token cancels the task on the daemon.
/// </summary>
public sealed partial class LlmosClient
{
    /// <summary>
    /// Classifies an image (its file's bytes) with <paramref name="model"/> (null: the default vision model) and returns its
    /// <paramref name="top"/> labels (null: llmosd's default, 5), best first, each with its probability.
    /// </summary>
    public Task<ClassifyResponse> ClassifyImageAsync(ReadOnlyMemory<byte> image, string? model = null, int? top = null, CancellationToken cancellationToken = default) =>
        ClassifyImageAsync(LlmosImage.FromBytes(image), model, top, cancellationToken);

    /// <summary>Classifies the image file at <paramref name="path"/>; see <see cref="ClassifyImageAsync(ReadOnlyMemory{byte}, string?, int?, CancellationToken)"/>.</summary>
    public Task<ClassifyResponse> ClassifyImageAsync(string path, string? model = null, int? top = null, CancellationToken cancellationToken = default) =>
        ClassifyImageAsync(LlmosImage.FromFile(path), model, top, cancellationToken);

    /// <summary>Classifies an image given as bytes or as a file.</summary>
    public Task<ClassifyResponse> ClassifyImageAsync(LlmosImage image, string? model = null, int? top = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Transport.ClassifyImageAsync(image, model, top, cancellationToken);
    }

    /// <summary>
    /// Reads the text in an image (its file's bytes): the text, line by line, its mean confidence (0 to 100) and each line's
    /// box. <paramref name="language"/> is a tesseract language ("eng") or a code ("en"); null: llmosd's default.
    /// </summary>
    public Task<OcrResponse> ReadImageTextAsync(ReadOnlyMemory<byte> image, string? language = null, CancellationToken cancellationToken = default) =>
        ReadImageTextAsync(LlmosImage.FromBytes(image), language, cancellationToken);

    /// <summary>Reads the text in the image file at <paramref name="path"/>; see <see cref="ReadImageTextAsync(ReadOnlyMemory{byte}, string?, CancellationToken)"/>.</summary>
    public Task<OcrResponse> ReadImageTextAsync(string path, string? language = null, CancellationToken cancellationToken = default) =>
        ReadImageTextAsync(LlmosImage.FromFile(path), language, cancellationToken);

    /// <summary>Reads the text in an image given as bytes or as a file.</summary>
    public Task<OcrResponse> ReadImageTextAsync(LlmosImage image, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Transport.ReadImageTextAsync(image, language, cancellationToken);
    }
}
