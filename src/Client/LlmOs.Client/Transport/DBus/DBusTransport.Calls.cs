using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc.Errors;
using Tmds.DBus.Protocol;

namespace LlmOs.Client.Transport.DBus;

/// <summary>Method calls: one message out, one reply read into a record, bus failures translated.</summary>
public sealed partial class DBusTransport
{
    private static readonly ArgumentWriter<object?> NoArguments = static (ref MessageWriter _, object? _) => { };

    /// <summary>A call without arguments whose reply is one a{sv}, read as the record of <paramref name="typeInfo"/>.</summary>
    private Task<T> CallForRecordAsync<T>(BusCall call, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        CallAsync(call, ReplyReaders.Record<T>, typeInfo, cancellationToken);

    private Task<T> CallForRecordAsync<TArguments, T>(BusCall call, TArguments arguments, ArgumentWriter<TArguments> write, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        CallAsync(call, arguments, write, ReplyReaders.Record<T>, typeInfo, cancellationToken);

    private Task<T> CallAsync<T>(BusCall call, MessageValueReader<T> read, object? readerState, CancellationToken cancellationToken) =>
        CallAsync(call, (object?)null, NoArguments, read, readerState, cancellationToken);

    private async Task<T> CallAsync<TArguments, T>(
        BusCall call, TArguments arguments, ArgumentWriter<TArguments> write, MessageValueReader<T> read, object? readerState, CancellationToken cancellationToken)
    {
        var bus = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call.InvokeAsync(bus.Connection, arguments, write, read, readerState).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new LlmosException(ErrorCodes.Internal, $"llmosd's answer to {call.Member} does not read as expected: {e.Message}", inner: e);
        }
        catch (Exception e) when (DBusFailures.Translate(e, Bus) is { } translated)
        {
            if (e is DBusConnectionException)
            {
                Forget(bus);
            }

            throw translated;
        }
    }

    /// <summary>Cancels a task without letting a failure out: for a stream or a wait that was left, where nobody reads the answer.</summary>
    private async Task CancelQuietlyAsync(string taskId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await CallAsync(BusCall.Task(taskId, "Cancel"), ReplyReaders.None, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LlmosException or OperationCanceledException or ObjectDisposedException)
        {
            // Best effort: llmosd also cancels the task when this connection leaves the bus.
        }
    }
}
