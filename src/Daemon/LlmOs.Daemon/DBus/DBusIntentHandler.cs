using System.Buffers;
using System.Text.Json;
using LlmOs.Daemon.Http.Intents;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Ipc.DBus;
using LlmOs.Ipc.Intents;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.DBus;

/// <summary>
/// An app's object on the bus that handles intents: <c>org.llmos.IntentHandler1.Handle(s intent, a{sv} slots,
/// s utterance) → (s reply, a{sv} action)</c>, called on the connection that registered it.
/// </summary>
internal sealed class DBusIntentHandler(DBusConnection connection, string uniqueName, string path) : IIntentHandler
{
    /// <summary>Calls to one handler that may wait for their answers at once; more fail their tasks as busy.</summary>
    public const int MaxInFlight = 8;

    private int _inFlight;

    public string Address { get; } = AddressOf(uniqueName, path);

    /// <summary>The address of a handler: the app's unique name and its object's path.</summary>
    public static string AddressOf(string uniqueName, string path) => uniqueName + " " + path;

    public async Task<IntentReply> HandleAsync(IntentInvocation invocation, CancellationToken cancellationToken)
    {
        // Each unanswered call holds a reply slot on llmosd's connection: an app that never answers gets no more than this.
        if (Interlocked.Increment(ref _inFlight) > MaxInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            throw new EngineException(ErrorKind.Busy, $"the handler at {Address} has {MaxInFlight} requests it has not answered yet");
        }

        try
        {
            return await CallAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<IntentReply> CallAsync(IntentInvocation invocation, CancellationToken cancellationToken)
    {
        IntentDispatchAnswer answer;
        try
        {
            answer = await connection.CallMethodAsync(WriteCall(invocation), static (message, _) => ReadReply(message), null)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException e)
        {
            // The app refused (or is gone): its task fails as a socket handler's {"error": …} fails it, whatever error
            // name the app chose (an app never picks the task's kind of failure).
            string message = string.IsNullOrWhiteSpace(e.ErrorMessage) ? e.ErrorName : e.ErrorMessage;
            throw new IntentRefusedException(message.Length > IntentAnswerValidator.MaxErrorLength ? message[..IntentAnswerValidator.MaxErrorLength] : message);
        }
        catch (EngineException e)
        {
            throw Malformed(e.Message);
        }

        try
        {
            var (reply, _) = IntentAnswerValidator.Validate(answer);
            return reply!;
        }
        catch (EngineException e)
        {
            throw Malformed(e.Message);
        }
    }

    /// <summary>An answer that breaks the rules fails the task (D-Bus, unlike the socket, gives the app no second try).</summary>
    private static IntentRefusedException Malformed(string why) => new IntentRefusedException($"its answer was not valid: {why}");

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

    /// <summary>The app's (s reply, a{sv} action) as the socket's answer record, for the same checks.</summary>
    private static IntentDispatchAnswer ReadReply(Message message)
    {
        if (message.SignatureAsString != "sa{sv}")
        {
            throw new EngineException(ErrorKind.InvalidInput, $"an intent handler must answer (s reply, a{{sv}} action), not ({message.SignatureAsString})");
        }

        var reader = message.GetBodyReader();
        string text = reader.ReadString();
        var action = reader.ReadDictionaryOfStringToVariantValue();
        return new IntentDispatchAnswer(text, action.Count == 0 ? null : ReadAction(action));
    }

    /// <summary>The app's action as the socket would have received it: a JSON object's members.</summary>
    private static Dictionary<string, JsonElement> ReadAction(Dictionary<string, VariantValue> action)
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

            return values;
        }
        catch (FormatException e)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"the action has a value llmosd cannot keep: {e.Message}", "action");
        }
    }
}
