using System.Text.Json;

namespace LlmOs.Integration.Tests.Intents;

/// <summary>Request bodies of the intent API, written out as a client would.</summary>
public static class IntentWire
{
    public const string Timer = """{"intents":[{"name":"timer.set","examples":["set a timer for {minutes} minutes"],"slots":{"minutes":"integer","label":"text"},"description":"Starts a kitchen timer"}]}""";

    /// <summary>A registration of one intent without examples or slots.</summary>
    public static string Registration(string intent) => $$"""{"intents":[{"name":{{JsonSerializer.Serialize(intent)}}}]}""";

    /// <summary>An intent task: <c>POST /v1/tasks</c>.</summary>
    public static string Task(string intent, string slotsJson = "{}", string utterance = "") =>
        $$$"""{"kind":"intent","input":{"intent":{{{JsonSerializer.Serialize(intent)}}},"slots":{{{slotsJson}}},"utterance":{{{JsonSerializer.Serialize(utterance)}}}}}""";

    public static string DispatchPath(JsonElement dispatch) => "v1/intents/dispatches/" + dispatch.GetProperty("dispatch_id").GetString();
}
