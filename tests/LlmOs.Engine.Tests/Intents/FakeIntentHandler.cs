using System.Collections.Concurrent;
using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Tests.Intents;

/// <summary>A handler that records what it is asked, and the token it is asked with, and answers as the test says.</summary>
internal sealed class FakeIntentHandler(string address = "fake:/org/example/App") : IIntentHandler
{
    public string Address { get; } = address;

    public ConcurrentQueue<IntentInvocation> Invocations { get; } = new();

    /// <summary>What it does with a request; by default it answers "done".</summary>
    public Func<IntentInvocation, CancellationToken, Task<IntentReply>> Behaviour { get; set; } =
        (_, _) => Task.FromResult(new IntentReply("done"));

    /// <summary>The token of the last call, set before <see cref="Behaviour"/> runs.</summary>
    public CancellationToken LastToken { get; private set; }

    /// <summary>Completes when a call has come in.</summary>
    public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IntentReply> HandleAsync(IntentInvocation invocation, CancellationToken cancellationToken)
    {
        Invocations.Enqueue(invocation);
        LastToken = cancellationToken;
        Called.TrySetResult();
        return Behaviour(invocation, cancellationToken);
    }

    /// <summary>A behaviour that never answers and ends only when its token is cancelled.</summary>
    public static async Task<IntentReply> NeverAnswersAsync(IntentInvocation invocation, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
