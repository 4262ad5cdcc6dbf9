using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Tasks;
using Microsoft.Win32.SafeHandles;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

internal sealed partial class DaemonObject
{
    private const string Transport = "dbus";
    private const string ImageArgument = "image";

    /// <summary>The methods whose arguments hold a file descriptor (h); every other call that carries one is refused.</summary>
    protected override bool TakesDescriptors(string member) => member is "ClassifyFd" or "OcrFd" or "AskFd" or "TranscribeFd" or "VoiceFd";

    /// <summary>Classify(ay image, a{sv} options) → a{sv}: <c>POST /v1/images/classify</c>; the task ends with the call or the caller.</summary>
    private async ValueTask ClassifyAsync(MethodContext context, bool fromDescriptor)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (bytes, descriptor, options) = ReadImageCall(context.Request, fromDescriptor);
        ClassifyCall call;
        using (descriptor)
        {
            var (model, top, priority) = TaskRequestValidator.CheckClassifyOptions(options, "options.");
            call = new ClassifyCall(await DecodeAsync(context, bytes, descriptor).ConfigureAwait(false), model, top, priority);
        }

        var response = await visionCalls.ClassifyAsync(call, caller.Uid, Transport, caller.Peer.Attach, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, response, IpcJsonContext.Default.ClassifyResponse);
    }

    /// <summary>Ocr(ay image, a{sv} options) → a{sv}: <c>POST /v1/images/ocr</c> (options: language, priority).</summary>
    private async ValueTask OcrAsync(MethodContext context, bool fromDescriptor)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (bytes, descriptor, options) = ReadImageCall(context.Request, fromDescriptor);
        OcrCall call;
        using (descriptor)
        {
            var (language, priority) = TaskRequestValidator.CheckOcrOptions(options, "options.");
            call = new OcrCall(await DecodeAsync(context, bytes, descriptor).ConfigureAwait(false), language, priority);
        }

        var response = await visionCalls.OcrAsync(call, caller.Uid, Transport, caller.Peer.Attach, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, response, IpcJsonContext.Default.OcrResponse);
    }

    /// <summary>AskFd(s utterance, h image, a{sv} options) → a{sv}: <c>Ask</c> about the image read from the descriptor.</summary>
    private async ValueTask AskFdAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (body, descriptor) = ReadAskFd(context.Request);
        Engine.Vision.RgbImage image;
        using (descriptor)
        {
            image = await DecodeAsync(context, null, descriptor).ConfigureAwait(false);
        }

        var answer = await askCalls.AskAsync(body, image, caller.Uid, caller.Peer.Attach, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, AskMapper.ToDto(answer, body.Explain), IpcJsonContext.Default.AskResultDto);
    }

    /// <summary>The image (bytes, or the descriptor to read them from) and the options as the socket's task options.</summary>
    private (byte[]? Bytes, SafeFileHandle? Descriptor, TaskOptions? Options) ReadImageCall(Message message, bool fromDescriptor)
    {
        var reader = message.GetBodyReader();
        byte[]? bytes = null;
        SafeFileHandle? descriptor = null;
        try
        {
            if (fromDescriptor)
            {
                descriptor = reader.ReadHandle<SafeFileHandle>();
            }
            else
            {
                bytes = reader.ReadArrayOfByte();
                if (bytes.Length > images.MaxBytes)
                {
                    throw images.TooLarge(ImageArgument, bytes.Length);
                }
            }

            var options = BusInput.ReadDictionary(ref reader, "options");
            if (options.ContainsKey(ImageArgument))
            {
                throw new EngineException(ErrorKind.InvalidInput, "the image is the first argument, not an option", "options.image");
            }

            var taskOptions = options.Count == 0 ? null : BusInput.Read(options, IpcJsonContext.Default.TaskOptions, "options", settings.MaxRequestBytes);
            return (bytes, descriptor, taskOptions);
        }
        catch
        {
            descriptor?.Dispose();
            throw;
        }
    }

    private (AskRequestDto Body, SafeFileHandle Descriptor) ReadAskFd(Message message)
    {
        var reader = message.GetBodyReader();
        string utterance = reader.ReadString();
        var descriptor = reader.ReadHandle<SafeFileHandle>();
        try
        {
            var options = BusInput.ReadDictionary(ref reader, "options");
            if (options.ContainsKey(ImageArgument))
            {
                throw new EngineException(ErrorKind.InvalidInput, "the image is AskFd's second argument, not an option", "options.image");
            }

            var (body, _) = AskBody(utterance, options, withExplain: true);
            return (body, descriptor);
        }
        catch
        {
            descriptor.Dispose();
            throw;
        }
    }

    /// <summary>Decodes the image: the bytes that came in the call, or those read from the descriptor (the caller closes it).</summary>
    private async Task<Engine.Vision.RgbImage> DecodeAsync(MethodContext context, byte[]? bytes, SafeFileHandle? descriptor)
    {
        if (descriptor is null)
        {
            return images.FromBytes(bytes, ImageArgument);
        }

        using var read = await DescriptorReader.ReadAsync(descriptor, images, ImageArgument, context.RequestAborted).ConfigureAwait(false);
        VisionLog.ReadFromDescriptor(_logger, read.Length, context.Request.SenderAsString ?? "");
        return images.FromBytes(read.Span, ImageArgument);
    }
}
