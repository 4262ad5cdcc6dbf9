using System.Text;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LlmOs.Daemon.Http.Speech;

/// <summary>
/// The multipart/form-data body of OpenAI's <c>POST /v1/audio/transcriptions</c>, read part by part as it streams: the
/// <c>file</c> into a pooled buffer under <c>MaxAudioBytes</c> (cut off where it passes it), the other fields as short
/// texts. Fields OpenAI clients send that llmos has no use for are kept for the caller to judge.
/// </summary>
internal sealed class TranscriptionForm : IDisposable
{
    public const string FileField = "file";

    private const int MaxFieldChars = 64 * 1024;
    private const int ChunkBytes = 64 * 1024;

    private TranscriptionForm(PooledBytes? file, Dictionary<string, string> fields)
    {
        File = file;
        Fields = fields;
    }

    /// <summary>The audio file's bytes; null when the form had no <c>file</c>.</summary>
    public PooledBytes? File { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public string? this[string name] => Fields.TryGetValue(name, out string? value) ? value : null;

    public static async Task<TranscriptionForm> ReadAsync(HttpContext context, AudioInput audio, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 256 } boundary)
        {
            throw new EngineException(ErrorKind.InvalidInput, "the body must be multipart/form-data with a boundary, holding the audio as 'file'", "body");
        }

        // Kestrel's limit: the file and a margin for the other fields.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = audio.MaxBytes + (1024 * 1024);
        }

        var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        PooledBytes? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { Length: > 0 } quoted)
                {
                    throw new EngineException(ErrorKind.InvalidInput, "a form part has no name (Content-Disposition: form-data; name=…)", "body");
                }

                string name = HeaderUtilities.RemoveQuotes(quoted).Value!;
                if (name == FileField)
                {
                    file?.Dispose();
                    file = await ReadFileAsync(section.Body, audio, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    fields[name] = await ReadFieldAsync(section.Body, name, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (InvalidDataException e)
        {
            file?.Dispose();
            throw new EngineException(ErrorKind.InvalidInput, $"the multipart body is malformed: {e.Message}", "body");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            file?.Dispose();
            throw audio.TooLarge(FileField);
        }
        catch
        {
            file?.Dispose();
            throw;
        }

        return new TranscriptionForm(file, fields);
    }

    public void Dispose() => File?.Dispose();

    private static async Task<PooledBytes> ReadFileAsync(Stream body, AudioInput audio, CancellationToken cancellationToken)
    {
        var bytes = new PooledBytes(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(bytes.Free(ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                bytes.Advance(read);
                if (bytes.Length > audio.MaxBytes)
                {
                    throw audio.TooLarge(FileField);
                }
            }

            return bytes;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        int total = 0;
        int read;
        while (total <= MaxFieldChars && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total > MaxFieldChars
            ? throw new EngineException(ErrorKind.TooLarge, $"the form field '{name}' is longer than {MaxFieldChars} characters", name)
            : new string(buffer, 0, total);
    }
}
