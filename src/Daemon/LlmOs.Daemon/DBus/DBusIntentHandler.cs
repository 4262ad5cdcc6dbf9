using System.Buffers;
using System.Text.Json;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// An app's object on the bus that handles intents: <c>org.llmos.IntentHandler1.Handle(s intent, a{sv} slots,
/// s utterance) → (s reply, a{sv} action)</c>, called on the connection that registered it.
/// </summary>
internal sealed class DBusIntentHandler(DBusConnection connection, string uniqueName, string path) : IIntentHandler
{
    public string Address { get; } = AddressOf(uniqueName, path);

    /// <summary>The address of a handler: the app's unique name and its object's path.</summary>
    public static string AddressOf(string uniqueName, string path) => uniqueName + " " + path;

    public async Task<IntentReply> HandleAsync(IntentInvocation invocation, CancellationToken cancellationToken)
    {
        (string Text, Dictionary<string, VariantValue> Action) reply;
        try
        {
            reply = await connection.CallMethodAsync(WriteCall(invocation), static (message, _) => ReadReply(message), null)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException e)
        {
            // The app refused (or is gone): its task fails with the app's own words.
            throw new EngineException(DBusErrors.KindOf(e.ErrorName) ?? ErrorKind.Internal, $"the handler at {Address} answered {e.ErrorName}: {e.ErrorMessage}");
        }

        return new IntentReply(reply.Text, reply.Action.Count == 0 ? null : ReadAction(reply.Action));
    }

    private MessageBuffer WriteCall(IntentInvocation invocation)
    {
        var writer = connection.GetMessageWriter();
        try
        {
            writer.WriteMethodCallHeader(uniqueName, path, DBusNames.IntentHandlerInterface, "Handle", "sa{sv}s", MessageFlags.None);
            writer.WriteString(invocation.Intent);
            var slots = writer.WriteDictionaryStart();
            foreach (var (name, value) in invocation.Slots)
            {
                writer.WriteDictionaryEntryStart();
                writer.WriteString(name);
                switch (value)
                {
                    case string s: writer.WriteVariantString(s); break;
                    case long x: writer.WriteVariantInt64(x); break;
                    case int i: writer.WriteVariantInt64(i); break;
                    case double d: writer.WriteVariantDouble(d); break;
                    case bool b: writer.WriteVariantBool(b); break;
                    default: writer.WriteVariantString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""); break;
                }
            }

            writer.WriteDictionaryEnd(slots);
            writer.WriteString(invocation.Utterance);
            return writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static (string, Dictionary<string, VariantValue>) ReadReply(Message message)
    {
        if (message.SignatureAsString != "sa{sv}")
        {
            throw new EngineException(ErrorKind.Internal, $"an intent handler must answer (s reply, a{{sv}} action), not ({message.SignatureAsString})");
        }

        var reader = message.GetBodyReader();
        return (reader.ReadString(), reader.ReadDictionaryOfStringToVariantValue());
    }

    /// <summary>The app's action as the engine keeps it: a flat map of strings, whole numbers, fractions and booleans.</summary>
    private static Dictionary<string, object> ReadAction(Dictionary<string, VariantValue> action)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        try
        {
            DBusDictionaryReader.WriteJson(buffer, action);
            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.Clone();
            }

            return SlotValues.FromWire(values, "action");
        }
        catch (FormatException e)
        {
            throw new EngineException(ErrorKind.Internal, $"the handler's action has a value llmosd cannot keep: {e.Message}");
        }
    }
}
