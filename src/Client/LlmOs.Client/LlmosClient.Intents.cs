using System.Text.Json;
using LlmOs.Ipc.Capabilities;
using LlmOs.Ipc.Intents;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Client;

public sealed partial class LlmosClient
{
    /// <summary>What the daemon can do now, per kind of work: for an app to decide before it asks.</summary>
    public Task<CapabilitiesResponse> GetCapabilitiesAsync(CancellationToken cancellationToken = default) =>
        Transport.GetCapabilitiesAsync(cancellationToken);

    /// <summary>The intent handlers apps have registered that this caller's requests can reach (its own user's and root's).</summary>
    public async Task<IReadOnlyList<IntentRegistrationDto>> ListIntentsAsync(CancellationToken cancellationToken = default) =>
        (await Transport.ListIntentsAsync(cancellationToken).ConfigureAwait(false)).Registrations;

    /// <summary>
    /// Hands <paramref name="intent"/> with its <paramref name="slots"/> (strings, numbers or booleans) to the app that
    /// registered a handler for it, as an <c>intent</c> task, and returns the finished task: the reply in
    /// <c>Result.Text</c>, an action for the session in <c>Result.Action</c>. Cancelling the token cancels the task.
    /// No handler for it, a refusal or a failed handler throws <see cref="LlmosException"/> with the code.
    /// </summary>
    public async Task<TaskDto> InvokeIntentAsync(
        string intent,
        IReadOnlyDictionary<string, JsonElement>? slots = null,
        string? utterance = null,
        CancellationToken cancellationToken = default)
    {
        var request = new TaskSubmitRequest("intent", new TaskInput(null, Intent: intent, Slots: slots, Utterance: utterance));

        // ?wait=true: one round trip; the daemon cancels the task if this connection closes (our token cancelled).
        return ThrowIfFailed(await Transport.SubmitAsync(request, wait: true, cancellationToken).ConfigureAwait(false));
    }
}
