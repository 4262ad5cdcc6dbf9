using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using LlmOs.Daemon.Assistant;
using LlmOs.Daemon.Http.Intents;
using LlmOs.Daemon.Requests;
using LlmOs.Ipc;
using LlmOs.Ipc.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmOs.Daemon.Http.Ask;

/// <summary>
/// <c>GET /v1/events</c>: a Server-Sent Events stream of the caller's own timers and reminders as they fall due
/// (<c>event: due</c>, <see cref="DueEventDto"/>). A comment line opens the stream once the subscription holds (an event
/// after it is never missed), another follows each <see cref="IntentEventStream.KeepAliveInterval"/> of silence, and the
/// stream ends when the daemon stops. Alarms that fell due while the caller had no stream open come first. A uid may
/// keep <see cref="CallerLimits.MaxDueSubscriptionsPerUid"/> streams and D-Bus subscriptions together; beyond that, busy.
/// </summary>
internal static class EventEndpoints
{
    /// <summary>Due events waiting for a slow reader; beyond it the oldest go (a reader that far behind has stalled).</summary>
    private const int Backlog = 64;

    private static readonly byte[] Opened = ": subscribed\n\n"u8.ToArray();
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();
    private static readonly byte[] DueLine = "event: due\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/v1/events", FollowAsync);

    private static async Task FollowAsync(HttpContext context)
    {
        var services = context.RequestServices;
        uint caller = PeerCredentials.Caller(context);

        // Refused (busy, before any of the stream is written) when the uid keeps as many subscriptions as it may.
        using var place = services.GetRequiredService<CallerLimits>().DueSubscriptions.Enter(caller);
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var queue = Channel.CreateBounded<DueEventDto>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using var subscription = services.GetRequiredService<DueEvents>().Subscribe(caller, due => queue.Writer.TryWrite(due));
        AskLog.Subscribed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EventEndpoints).FullName!), caller, "socket");

        TaskEventStream.Start(context.Response);
        var pipe = context.Response.BodyWriter;
        pipe.Write(Opened);
        try
        {
            await pipe.FlushAsync(ended.Token).ConfigureAwait(false);
            using var json = new Utf8JsonWriter(pipe);
            while (!ended.IsCancellationRequested)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ended.Token);
                quiet.CancelAfter(IntentEventStream.KeepAliveInterval);
                bool more;
                try
                {
                    more = await queue.Reader.WaitToReadAsync(quiet.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ended.IsCancellationRequested)
                {
                    pipe.Write(KeepAlive);
                    await pipe.FlushAsync(ended.Token).ConfigureAwait(false);
                    continue;
                }

                if (!more)
                {
                    return;
                }

                while (queue.Reader.TryRead(out var due))
                {
                    pipe.Write(DueLine);
                    json.Reset(pipe);
                    JsonSerializer.Serialize(json, due, IpcJsonContext.Default.DueEventDto);
                    json.Flush();
                    pipe.Write(EventEnd);
                }

                var flushed = await pipe.FlushAsync(ended.Token).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client left or the daemon stops: the stream is over.
        }
    }
}
