using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc;
using LlmOs.Ipc.Intents;

namespace LlmOs.Daemon.Http.Intents;

/// <summary>
/// Writes a socket handler's event stream: <c>registered</c>, then a <c>dispatch</c> per request as the handler's
/// channel yields them, and a comment line after each <see cref="KeepAliveInterval"/> of silence so that a client that
/// died without closing its connection is noticed (the write fails) and its registration dropped. The response's
/// headers are <see cref="TaskEventStream.Start"/>'s.
/// </summary>
internal static class IntentEventStream
{
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private static readonly byte[] RegisteredLine = "event: registered\ndata: "u8.ToArray();
    private static readonly byte[] DispatchLine = "event: dispatch\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    /// <summary>Writes the stream until the client goes away or <paramref name="cancellationToken"/> fires (the daemon stops).</summary>
    public static async Task RunAsync(PipeWriter pipe, SseIntentHandler handler, IntentRegisteredEvent registered, TimeSpan keepAliveInterval, CancellationToken cancellationToken)
    {
        using var json = new Utf8JsonWriter(pipe);
        WriteEvent(pipe, json, RegisteredLine, registered, IpcJsonContext.Default.IntentRegisteredEvent);
        if (!await FlushAsync(pipe, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var dispatches = handler.Dispatches;
        while (true)
        {
            bool? waiting = await WaitAsync(dispatches, keepAliveInterval, cancellationToken).ConfigureAwait(false);
            if (waiting is null)
            {
                return;
            }

            if (waiting == false)
            {
                pipe.Write(KeepAlive);
            }
            else
            {
                while (dispatches.TryRead(out var dispatch))
                {
                    if (handler.IsWaiting(dispatch.DispatchId))
                    {
                        WriteEvent(pipe, json, DispatchLine, dispatch, IpcJsonContext.Default.IntentDispatchEvent);
                    }
                }
            }

            if (!await FlushAsync(pipe, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>True when dispatches wait, false after <paramref name="silence"/>, null once the handler is closed.</summary>
    private static async Task<bool?> WaitAsync(System.Threading.Channels.ChannelReader<IntentDispatchEvent> dispatches, TimeSpan silence, CancellationToken cancellationToken)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        quiet.CancelAfter(silence);
        try
        {
            return await dispatches.WaitToReadAsync(quiet.Token).ConfigureAwait(false) ? true : null;
        }
        catch (OperationCanceledException) when (quiet.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<bool> FlushAsync(PipeWriter pipe, CancellationToken cancellationToken)
    {
        var flushed = await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        return !flushed.IsCompleted && !flushed.IsCanceled;
    }

    private static void WriteEvent<T>(PipeWriter pipe, Utf8JsonWriter json, byte[] head, T data, JsonTypeInfo<T> type)
    {
        pipe.Write(head);
        json.Reset(pipe);
        JsonSerializer.Serialize(json, data, type);
        json.Flush();
        pipe.Write(EventEnd);
    }
}
