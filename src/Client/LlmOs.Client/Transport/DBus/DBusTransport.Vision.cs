using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc;
using LlmOs.Ipc.Vision;
using Microsoft.Win32.SafeHandles;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// Daemon1's Classify/ClassifyFd and Ocr/OcrFd: an image given as bytes goes as <c>ay</c>; an image file goes as its file
/// descriptor (<c>h</c>), which llmosd reads itself, so a large photo is never copied into a message. Cancelling the token
/// stops the wait; llmosd cancels the task when this connection leaves the bus.
/// </summary>
public sealed partial class DBusTransport
{
    public Task<ClassifyResponse> ClassifyImageAsync(LlmosImage image, string? model, int? top, CancellationToken cancellationToken) =>
        CallWithImageAsync(
            "Classify",
            image,
            (model, top),
            static (ref MessageWriter writer, (string? Model, int? Top) options) =>
            {
                var dictionary = writer.WriteDictionaryStart();
                WriteStringOption(ref writer, "model", options.Model);
                if (options.Top is { } top)
                {
                    writer.WriteDictionaryEntryStart();
                    writer.WriteString("top");
                    writer.WriteVariantInt32(top);
                }

                writer.WriteDictionaryEnd(dictionary);
            },
            IpcJsonContext.Default.ClassifyResponse,
            cancellationToken);

    public Task<OcrResponse> ReadImageTextAsync(LlmosImage image, string? language, CancellationToken cancellationToken) =>
        CallWithImageAsync(
            "Ocr",
            image,
            language,
            static (ref MessageWriter writer, string? language) =>
            {
                var dictionary = writer.WriteDictionaryStart();
                WriteStringOption(ref writer, "language", language);
                writer.WriteDictionaryEnd(dictionary);
            },
            IpcJsonContext.Default.OcrResponse,
            cancellationToken);

    /// <summary>Opens an image file to pass its descriptor; failing here (no such file, no permission) throws before anything is sent.</summary>
    private static SafeFileHandle OpenImage(string path) => File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);

    /// <summary><paramref name="member"/>(ay image, a{sv} options) for bytes, <paramref name="member"/>Fd(h image, a{sv} options) for a file.</summary>
    private async Task<T> CallWithImageAsync<TOptions, T>(
        string member, LlmosImage image, TOptions options, ArgumentWriter<TOptions> writeOptions, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (image.Path is not { } path)
        {
            return await CallForRecordAsync(
                BusCall.Daemon(member, "aya{sv}"),
                (image.Bytes, options, writeOptions),
                static (ref MessageWriter writer, (ReadOnlyMemory<byte> Bytes, TOptions Options, ArgumentWriter<TOptions> Write) arguments) =>
                {
                    writer.WriteArray(arguments.Bytes.Span);
                    arguments.Write(ref writer, arguments.Options);
                },
                typeInfo,
                cancellationToken).ConfigureAwait(false);
        }

        // The message takes the handle and closes it once sent; disposing it here too covers a call that never got that far.
        using var file = OpenImage(path);
        return await CallForRecordAsync(
            BusCall.Daemon(member + "Fd", "ha{sv}"),
            ((SafeHandle)file, options, writeOptions),
            static (ref MessageWriter writer, (SafeHandle File, TOptions Options, ArgumentWriter<TOptions> Write) arguments) =>
            {
                writer.WriteHandle(arguments.File);
                arguments.Write(ref writer, arguments.Options);
            },
            typeInfo,
            cancellationToken).ConfigureAwait(false);
    }

    private static void WriteStringOption(ref MessageWriter writer, string key, string? value)
    {
        if (value is not null)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString(key);
            writer.WriteVariantString(value);
        }
    }
}
