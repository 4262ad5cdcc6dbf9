using System.Runtime.InteropServices;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Errors;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// The arguments of Daemon1's Ask and TestUtterance (s utterance, a{sv} options) and AskFd (s utterance, h image, a{sv}
/// options), from the socket's request record. Written key by key rather than through the record's JSON metadata because
/// the image is <c>ay</c> here (its bytes), where the socket's JSON carries base64.
/// </summary>
internal static class AskArguments
{
    public const string Signature = "sa{sv}";

    public const string FdSignature = "sha{sv}";

    /// <summary>Ask or TestUtterance; an image in <paramref name="arguments"/> (or as base64 in the request) becomes the option <c>image</c>.</summary>
    public static void Write(ref MessageWriter writer, (AskRequestDto Request, ReadOnlyMemory<byte>? Image) arguments)
    {
        writer.WriteString(arguments.Request.Utterance ?? "");
        WriteOptions(ref writer, arguments.Request, arguments.Image);
    }

    /// <summary>AskFd: the image is the file descriptor, which the message owns (and closes) once it is written.</summary>
    public static void WriteFd(ref MessageWriter writer, (AskRequestDto Request, SafeHandle File) arguments)
    {
        writer.WriteString(arguments.Request.Utterance ?? "");
        writer.WriteHandle(arguments.File);
        WriteOptions(ref writer, arguments.Request, null);
    }

    /// <summary>The image of a request that carries it as base64 (a caller of the transport that built the socket's record).</summary>
    public static ReadOnlyMemory<byte>? DecodeImage(AskRequestDto request)
    {
        if (request.Image is not { } base64)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new LlmosException(ErrorCodes.InvalidInput, "the image is not valid base64", "image");
        }
    }

    private static void WriteOptions(ref MessageWriter writer, AskRequestDto request, ReadOnlyMemory<byte>? image)
    {
        var options = writer.WriteDictionaryStart();
        if (request.Language is { } language)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString("language");
            writer.WriteVariantString(language);
        }

        if (request.TimeZone is { } timeZone)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString("time_zone");
            writer.WriteVariantString(timeZone);
        }

        writer.WriteDictionaryEntryStart();
        writer.WriteString("explain");
        writer.WriteVariantBool(request.Explain);
        if (image is { } bytes)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString("image");
            writer.WriteSignature("ay");
            writer.WriteArray(bytes.Span);
        }

        writer.WriteDictionaryEnd(options);
    }
}
