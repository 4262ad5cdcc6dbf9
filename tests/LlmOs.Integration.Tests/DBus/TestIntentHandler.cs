using System.Collections.Concurrent;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>One Handle call as the app received it.</summary>
public sealed record HandledIntent(string Intent, Dictionary<string, VariantValue> Slots, string Utterance, string Sender);

/// <summary>
/// An app's <c>org.llmos.IntentHandler1</c> object, exported on a connection of its own: answers "timer.set" with a
/// reply and an action, and refuses "timer.fail" with an error of the app's own.
/// </summary>
public sealed class TestIntentHandler(string path) : IPathMethodHandler
{
    public const string RefusedIntent = "timer.fail";

    public string Path { get; } = path;

    public bool HandlesChildPaths => false;

    public ConcurrentQueue<HandledIntent> Calls { get; } = new();

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        var request = context.Request;
        if (request.InterfaceAsString != DBusNames.IntentHandlerInterface || request.MemberAsString != "Handle" || request.SignatureAsString != "sa{sv}s")
        {
            context.ReplyUnknownMethodError();
            return ValueTask.CompletedTask;
        }

        var reader = request.GetBodyReader();
        var call = new HandledIntent(reader.ReadString(), reader.ReadDictionaryOfStringToVariantValue(), reader.ReadString(), request.SenderAsString!);
        Calls.Enqueue(call);
        if (call.Intent == RefusedIntent)
        {
            context.ReplyError("org.example.Timer.Error.NoTimers", "no timers today");
            return ValueTask.CompletedTask;
        }

        var writer = context.CreateReplyWriter("sa{sv}");
        try
        {
            writer.WriteString($"Timer set for {call.Slots["minutes"].GetInt64()} minutes");
            var action = writer.WriteDictionaryStart();
            writer.WriteDictionaryEntryStart();
            writer.WriteString("type");
            writer.WriteVariantString("timer.start");
            writer.WriteDictionaryEntryStart();
            writer.WriteString("seconds");
            writer.WriteVariantInt32((int)call.Slots["minutes"].GetInt64() * 60);
            writer.WriteDictionaryEnd(action);
            context.Reply(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
