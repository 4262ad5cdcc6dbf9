using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Speech;
using LlmOs.Ipc;
using LlmOs.Ipc.Speech;
using LlmOs.Ipc.Tasks;
using Microsoft.Win32.SafeHandles;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

// Speech: Transcribe(Fd), Voice(Fd) and Speak, as the socket's /v1/transcribe, /v1/voice and /v1/speak.
internal sealed partial class DaemonObject
{
    private const string AudioArgument = "audio";

    /// <summary>Transcribe(ay audio, a{sv} options) → a{sv}, and TranscribeFd(h, a{sv}) reading the whole file or pipe.</summary>
    private async ValueTask TranscribeAsync(MethodContext context, bool fromDescriptor)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (bytes, descriptor, options, raw) = ReadAudioCall(context.Request, fromDescriptor);
        TranscribeCall call;
        using (descriptor)
        {
            var (model, transcription, priority) = TaskRequestValidator.CheckTranscribeOptions(options, "options.");
            call = new TranscribeCall(await DecodeAudioAsync(context, bytes, descriptor, raw).ConfigureAwait(false), model, transcription, priority);
        }

        var transcript = await speechCalls.TranscribeAsync(call, caller.Uid, Transport, caller.Peer.Attach, context.RequestAborted).ConfigureAwait(false);
        ReplyRecord(context, SpeechMapper.ToDto(transcript), IpcJsonContext.Default.TranscriptionResponse);
    }

    /// <summary>
    /// Voice(ay audio, a{sv} options) → a{sv}; VoiceFd(h, a{sv}) reads the descriptor as a stream into the task as it
    /// arrives, so that a pipe written while the user speaks is answered when the utterance ends.
    /// </summary>
    private async ValueTask VoiceAsync(MethodContext context, bool fromDescriptor)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var (bytes, descriptor, options, raw) = ReadAudioCall(context.Request, fromDescriptor);
        using (descriptor)
        {
            var request = submitter.CheckVoiceOptions(options, "options.", caller.Uid);
            AudioPump? pump = null;
            if (descriptor is not null)
            {
                var source = new DescriptorAudio(descriptor, AudioArgument);
                source.Check(audio);
                pump = (feed, token) => AudioFeedPump.RunAsync(source.ReadAsync, audio, raw, feed, AudioArgument, token);
            }
            else
            {
                request = request with { Clip = audio.FromBytes(bytes, AudioArgument, raw) };
            }

            var result = await speechCalls.VoiceAsync(request, pump, Transport, caller.Peer.Attach, context.RequestAborted).ConfigureAwait(false);
            ReplyRecord(context, SpeechMapper.ToDto(result), IpcJsonContext.Default.VoiceResultDto);
        }
    }

    /// <summary>Speak(s text, a{sv} options) → (ay wav): options voice, speed, sample_rate.</summary>
    private async ValueTask SpeakAsync(MethodContext context)
    {
        var caller = await Peers.IdentifyAsync(context).ConfigureAwait(false);
        var reader = context.Request.GetBodyReader();
        string text = reader.ReadString();
        var options = BusInput.ReadDictionary(ref reader, "options");
        var body = options.Count == 0 ? new SpeakRequestDto(null) : BusInput.Read(options, IpcJsonContext.Default.SpeakRequestDto, "options", settings.MaxRequestBytes);
        if (body.Text is not null)
        {
            throw new EngineException(ErrorKind.InvalidInput, "the text is Speak's first argument, not an option", "options.text");
        }

        var call = validator.ValidateSpeak(body with { Text = validator.CheckSpeechText(text, "text") }, "options.");
        var speech = await speechCalls.SpeakAsync(call, caller.Uid, Transport, caller.Peer.Attach, context.RequestAborted).ConfigureAwait(false);
        byte[] wav = WavBytes.From(speech);
        var writer = context.CreateReplyWriter("ay");
        try
        {
            writer.WriteArray(wav);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>The audio (bytes, or the descriptor to read them from), the options as task options, and raw PCM's format.</summary>
    private (byte[]? Bytes, SafeFileHandle? Descriptor, TaskOptions? Options, RawAudioFormat? Raw) ReadAudioCall(Message message, bool fromDescriptor)
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
                if (bytes.Length > audio.MaxBytes)
                {
                    throw audio.TooLarge(AudioArgument, bytes.Length);
                }
            }

            var options = BusInput.ReadDictionary(ref reader, "options");
            if (options.ContainsKey(AudioArgument))
            {
                throw new EngineException(ErrorKind.InvalidInput, "the audio is the first argument, not an option", "options.audio");
            }

            var raw = RawAudioOptions.Parse(TakeString(options, "format"), TakeInt(options, "rate"), TakeInt(options, "channels"), "options.");
            var taskOptions = options.Count == 0 ? null : BusInput.Read(options, IpcJsonContext.Default.TaskOptions, "options", settings.MaxRequestBytes);
            return (bytes, descriptor, taskOptions, raw);
        }
        catch
        {
            descriptor?.Dispose();
            throw;
        }
    }

    /// <summary>Decodes the audio: the bytes that came in the call, or the whole file or pipe behind the descriptor.</summary>
    private async Task<AudioClip> DecodeAudioAsync(MethodContext context, byte[]? bytes, SafeFileHandle? descriptor, RawAudioFormat? raw)
    {
        if (descriptor is null)
        {
            return audio.FromBytes(bytes, AudioArgument, raw);
        }

        using var read = await new DescriptorAudio(descriptor, AudioArgument).ReadAllAsync(audio, context.RequestAborted).ConfigureAwait(false);
        SpeechLog.ReadFromDescriptor(_logger, read.Length, context.Request.SenderAsString ?? "");
        return audio.FromBytes(read.Span, AudioArgument, raw);
    }

    private static string? TakeString(Dictionary<string, VariantValue> options, string name) =>
        options.Remove(name, out var value)
            ? Unwrap(value) is { Type: VariantValueType.String } text ? text.GetString() : throw WrongType(name, "a string (s)")
            : null;

    private static int? TakeInt(Dictionary<string, VariantValue> options, string name) =>
        options.Remove(name, out var value)
            ? Unwrap(value) switch
            {
                { Type: VariantValueType.Int32 } number => number.GetInt32(),
                { Type: VariantValueType.UInt32 } number when number.GetUInt32() <= int.MaxValue => (int)number.GetUInt32(),
                _ => throw WrongType(name, "a number (i)"),
            }
            : null;

    private static VariantValue Unwrap(VariantValue value)
    {
        while (value.Type == VariantValueType.Variant)
        {
            value = value.GetVariantValue();
        }

        return value;
    }

    private static EngineException WrongType(string name, string what) =>
        new(ErrorKind.InvalidInput, $"'{name}' is {what}", "options." + name);
}
