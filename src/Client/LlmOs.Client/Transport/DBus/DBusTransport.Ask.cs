using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Events;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>Daemon1's Ask, TestUtterance, GetIntentCatalog, and Subscribe/Unsubscribe with its Due signal.</summary>
public sealed partial class DBusTransport
{
    /// <summary>
    /// Daemon1.Ask. Cancelling the token stops the wait; llmosd cancels the ask itself when this connection leaves the bus
    /// (D-Bus has no way to withdraw one call).
    /// </summary>
    public Task<AskResultDto> AskAsync(AskRequestDto request, CancellationToken cancellationToken) =>
        CallForRecordAsync(
            BusCall.Daemon("Ask", AskArguments.Signature),
            (request, AskArguments.DecodeImage(request)),
            AskArguments.Write,
            IpcJsonContext.Default.AskResultDto,
            cancellationToken);

    /// <summary>
    /// Daemon1.Ask with the image's bytes as the option <c>image</c>, or Daemon1.AskFd with the image file's descriptor
    /// (llmosd reads the file itself; nothing is copied into the message).
    /// </summary>
    public async Task<AskResultDto> AskAsync(AskRequestDto request, LlmosImage? image, CancellationToken cancellationToken)
    {
        if (image is null)
        {
            return await AskAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request = request with { Image = null };
        if (image.Path is not { } path)
        {
            return await CallForRecordAsync(
                BusCall.Daemon("Ask", AskArguments.Signature),
                (request, (ReadOnlyMemory<byte>?)image.Bytes),
                AskArguments.Write,
                IpcJsonContext.Default.AskResultDto,
                cancellationToken).ConfigureAwait(false);
        }

        using var file = OpenImage(path);
        return await CallForRecordAsync(
            BusCall.Daemon("AskFd", AskArguments.FdSignature),
            (request, (SafeHandle)file),
            AskArguments.WriteFd,
            IpcJsonContext.Default.AskResultDto,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<IntentTestResponse> TestUtteranceAsync(AskRequestDto request, CancellationToken cancellationToken) =>
        CallForRecordAsync(
            BusCall.Daemon("TestUtterance", AskArguments.Signature),
            (request with { Explain = false }, AskArguments.DecodeImage(request)),
            AskArguments.Write,
            IpcJsonContext.Default.IntentTestResponse,
            cancellationToken);

    /// <summary>Daemon1.GetIntentCatalog; "" asks for the default language.</summary>
    public Task<IntentCatalogResponse> GetIntentCatalogAsync(string? language, CancellationToken cancellationToken) =>
        CallForRecordAsync(
            BusCall.Daemon("GetIntentCatalog", "s"),
            language ?? "",
            static (ref MessageWriter writer, string value) => writer.WriteString(value),
            IpcJsonContext.Default.IntentCatalogResponse,
            cancellationToken);

    /// <summary>
    /// Listens for Daemon1.Due on this connection, then calls Subscribe; llmosd sends this user's alarms only. Ending the
    /// enumeration calls Unsubscribe.
    /// </summary>
    public async IAsyncEnumerable<DueEventDto> WatchEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bus = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var queue = Channel.CreateUnbounded<DueEventDto>(new UnboundedChannelOptions { SingleReader = true });
        var rule = new MatchRule { Type = MessageType.Signal, Sender = DBusNames.Service, Path = DBusNames.DaemonPath, Interface = DBusNames.DaemonInterface, Member = "Due" };
        using var subscription = await bus.Connection.AddMatchAsync(
            rule,
            static (message, _) => DBusDictionaryReader.Read(message.GetBodyReader().ReadDictionaryOfStringToVariantValue(), IpcJsonContext.Default.DueEventDto),
            (Notification<DueEventDto> notification) =>
            {
                if (notification.IsCompletion)
                {
                    queue.Writer.TryComplete(notification.CompletionReason);
                }
                else
                {
                    queue.Writer.TryWrite(notification.Value);
                }
            },
            emitOnCapturedContext: false,
            flags: ObserverFlags.EmitOnConnectionClosed | ObserverFlags.EmitOnConnectionFailed).ConfigureAwait(false);
        await CallAsync(BusCall.Daemon("Subscribe"), ReplyReaders.None, null, cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                DueEventDto due;
                try
                {
                    if (!await queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !queue.Reader.TryRead(out due!))
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException && DBusFailures.Translate(e, Bus) is { } translated)
                {
                    throw translated;
                }

                yield return due;
            }
        }
        finally
        {
            // The match goes with this enumeration; without Unsubscribe llmosd would keep signalling a connection that
            // no longer listens (and count the subscription against this user) for as long as the connection lives.
            await UnsubscribeQuietlyAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Daemon1.Unsubscribe, best effort: a connection that has gone is unsubscribed already.</summary>
    private async Task UnsubscribeQuietlyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await CallAsync(BusCall.Daemon("Unsubscribe"), ReplyReaders.None, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LlmosException or OperationCanceledException or ObjectDisposedException)
        {
            // llmosd also ends the subscription when this connection leaves the bus.
        }
    }
}
