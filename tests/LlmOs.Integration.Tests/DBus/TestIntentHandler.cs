using System.Collections.Concurrent;
using LlmOs.Ipc.DBus;
using Tmds.DBus.Protocol;

namespace LlmOs.Integration.Tests.DBus;

/// <summary>One Handle call as the app received it.</summary>
public sealed record HandledIntent(string Intent, Dictionary<string, VariantValue> Slots, string Utterance, string Sender);

/// <summary>
/// An app's <c>org.llmos.IntentHandler1</c> object, exported on a connection of its own: answers "timer.set" with a
/// reply and an action, and refuses "timer.fail" with an error of the app's own,
/// and answers "timer.garbage" with a reply of the wrong shape.
/// </summary>
public sealed class TestIntentHandler(string path) : IPathMethodHandler
{
    public const string RefusedIntent = "timer.fail";

    /// <summary>Answered with a reply of the wrong shape (s instead of s, a{sv}).</summary>
    public const string MisshapenIntent = "timer.garbage";

    /// <summary>Refused with llmosd's own Forbidden error and a message far over the socket's limit.</summary>
    public const string ForbiddingIntent = "timer.forbid";

    /// <summary>Answered with an action that has no 'type'.</summary>
    public const string UntypedIntent = "timer.untyped";

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

        if (call.Intent == ForbiddingIntent)
        {
            context.ReplyError("org.llmos.Error.Forbidden", new string('x', 5000));
            return ValueTask.CompletedTask;
        }

        if (call.Intent == UntypedIntent)
        {
            var untyped = context.CreateReplyWriter("sa{sv}");
            untyped.WriteString("done");
            var fields = untyped.WriteDictionaryStart();
            untyped.WriteDictionaryEntryStart();
            untyped.WriteString("seconds");
            untyped.WriteVariantInt32(60);
            untyped.WriteDictionaryEnd(fields);
            context.Reply(untyped.CreateMessage());
            untyped.Dispose();
            return ValueTask.CompletedTask;
        }

        if (call.Intent == MisshapenIntent)
        {
            var misshapen = context.CreateReplyWriter("s");
            misshapen.WriteString("no action here");
            context.Reply(misshapen.CreateMessage());
            misshapen.Dispose();
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
