using LlmOs.Engine.Intents;

namespace LlmOs.Daemon.Http.Intents;

/// <summary>A request sent down a handler's stream, waiting for the client's answer (or its cancellation).</summary>
internal sealed class PendingDispatch(string id, SseIntentHandler handler)
{
    public string Id { get; } = id;

    public SseIntentHandler Handler { get; } = handler;

    /// <summary>Completed by the answer, a refusal, the stream's end, or the task's cancellation: whichever comes first.</summary>
    public TaskCompletionSource<IntentReply> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
