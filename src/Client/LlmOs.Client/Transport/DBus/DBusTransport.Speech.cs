using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Client.Speech;
using LlmOs.Ipc;
using LlmOs.Ipc.Speech;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// Daemon1's Transcribe/TranscribeFd, Voice/VoiceFd and Speak. Audio given as bytes goes as <c>ay</c>; a file goes as its
/// descriptor (<c>h</c>), which llmosd reads itself; a stream goes as the read end of a pipe that this side copies the stream
/// into as it arrives, so a hotkey client can speak over D-Bus as it does over the socket. Cancelling the token stops the
/// wait; llmosd cancels the task when this connection leaves the bus.
/// </summary>
public sealed partial class DBusTransport
{
    public Task<TranscriptionResponse> TranscribeAsync(LlmosAudio audio, TranscribeOptions options, CancellationToken cancellationToken) =>
        CallWithAudioAsync("Transcribe", audio, SpeechArguments.Transcribe(audio, options), IpcJsonContext.Default.TranscriptionResponse, cancellationToken);

    public Task<VoiceResultDto> VoiceAsync(LlmosAudio audio, VoiceOptions options, CancellationToken cancellationToken) =>
        CallWithAudioAsync("Voice", audio, SpeechArguments.Voice(audio, options), VoiceReplyReader.TypeInfo, cancellationToken);

    public Task<byte[]> SpeakAsync(string text, SpeakOptions options, CancellationToken cancellationToken) =>
        CallAsync(
            BusCall.Daemon("Speak", "sa{sv}"),
            (text, SpeechArguments.Speak(options)),
            static (ref MessageWriter writer, (string Text, IReadOnlyList<(string Key, object Value)> Options) arguments) =>
            {
                writer.WriteString(arguments.Text);
                SpeechArguments.Write(ref writer, arguments.Options);
            },
            static (Message message, object? _) => message.GetBodyReader().ReadArrayOfByte(),
            null,
            cancellationToken);

    /// <summary><paramref name="member"/>(ay audio, a{sv} options) for bytes, <paramref name="member"/>Fd(h audio, a{sv} options) for a file or a stream.</summary>
    private async Task<T> CallWithAudioAsync<T>(
        string member, LlmosAudio audio, IReadOnlyList<(string Key, object Value)> options, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (audio.Path is { } path)
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return await CallWithDescriptorAsync(member, file, options, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        if (audio.Stream is { } stream)
        {
            return await CallWithPipeAsync(member, stream, options, typeInfo, cancellationToken).ConfigureAwait(false);
        }

        return await CallForRecordAsync(
            BusCall.Daemon(member, "aya{sv}"),
            (audio.Bytes, options),
            static (ref MessageWriter writer, (ReadOnlyMemory<byte> Bytes, IReadOnlyList<(string Key, object Value)> Options) arguments) =>
            {
                writer.WriteArray(arguments.Bytes.Span);
                SpeechArguments.Write(ref writer, arguments.Options);
            },
            typeInfo,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Passes a pipe's read end and copies <paramref name="stream"/> into it while llmosd reads; once llmosd has answered
    /// (it may have heard the utterance out before the stream ended), the pipe is closed and the copy stops.
    /// </summary>
    private async Task<T> CallWithPipeAsync<T>(
        string member, Stream stream, IReadOnlyList<(string Key, object Value)> options, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var pipe = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task copy = CopyIntoPipeAsync(stream, pipe, stop.Token);
        try
        {
            // The message sends the read end and closes it here, so that llmosd alone keeps it open (and sees the end of the audio).
            return await CallWithDescriptorAsync(member, pipe.ClientSafePipeHandle, options, typeInfo, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            pipe.DisposeLocalCopyOfClientHandle();
            await pipe.DisposeAsync().ConfigureAwait(false);
            _ = copy.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private static async Task CopyIntoPipeAsync(Stream stream, AnonymousPipeServerStream pipe, CancellationToken cancellationToken)
    {
        var buffer = new byte[3200];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await pipe.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // llmosd stopped reading (the utterance ended) or the call is over: the rest of the stream is not needed.
        }
        finally
        {
            // The end of the stream is the end of the audio: llmosd reads end-of-file.
            await pipe.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task<T> CallWithDescriptorAsync<T>(
        string member, SafeHandle descriptor, IReadOnlyList<(string Key, object Value)> options, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        CallForRecordAsync(
            BusCall.Daemon(member + "Fd", "ha{sv}"),
            (descriptor, options),
            static (ref MessageWriter writer, (SafeHandle File, IReadOnlyList<(string Key, object Value)> Options) arguments) =>
            {
                writer.WriteHandle(arguments.File);
                SpeechArguments.Write(ref writer, arguments.Options);
            },
            typeInfo,
            cancellationToken);
}
