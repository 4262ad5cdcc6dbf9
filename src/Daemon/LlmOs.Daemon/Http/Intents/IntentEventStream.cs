using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc;
using LlmOs.Ipc.Intents;
using Microsoft.AspNetCore.Http;

namespace LlmOs.Daemon.Http.Intents;

/// <summary>
/// Writes a socket handler's event stream: <c>registered</c>, then a <c>dispatch</c> per request as the handler's
/// channel yields them, and a comment line every <see cref="KeepAliveInterval"/> of silence so that a client that
/// died without closing its connection is noticed (the write fails) and its registration dropped.
/// </summary>
internal static class IntentEventStream
{
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private static readonly byte[] RegisteredLine = "event: registered\ndata: "u8.ToArray();
    private static readonly byte[] DispatchLine = "event: dispatch\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    /// <summary>Runs until the client goes away or <paramref name="cancellationToken"/> fires (the daemon stops).</summary>
    public static async Task RunAsync(HttpResponse response, SseIntentHandler handler, IntentRegisteredEvent registered, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        var pipe = response.BodyWriter;
        using var json = new Utf8JsonWriter(pipe);
        WriteEvent(pipe, json, RegisteredLine, registered, IpcJsonContext.Default.IntentRegisteredEvent);
        if (!await FlushAsync(pipe, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var dispatches = handler.Dispatches;
        while (true)
        {
            bool? waiting = await WaitAsync(dispatches, cancellationToken).ConfigureAwait(false);
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

    /// <summary>True when dispatches wait, false after <see cref="KeepAliveInterval"/> of silence, null once the handler is closed.</summary>
    private static async Task<bool?> WaitAsync(System.Threading.Channels.ChannelReader<IntentDispatchEvent> dispatches, CancellationToken cancellationToken)
    {
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        silence.CancelAfter(KeepAliveInterval);
        try
        {
            return await dispatches.WaitToReadAsync(silence.Token).ConfigureAwait(false) ? true : null;
        }
        catch (OperationCanceledException) when (silence.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
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
