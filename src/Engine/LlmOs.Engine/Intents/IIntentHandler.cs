namespace LlmOs.Engine.Intents;

/// <summary>
/// Something outside the engine that handles intents: an app's object on D-Bus, or a socket client that keeps an
/// event stream open. The transport implements it; the registry and the dispatcher only call it.
/// </summary>
public interface IIntentHandler
{
    /// <summary>Where the handler lives, for logs and listings (for example <c>:1.42 /org/example/App</c>).</summary>
    string Address { get; }

    /// <summary>Asks the handler; a handler that fails or does not answer in time throws.</summary>
    Task<IntentReply> HandleAsync(IntentInvocation invocation, CancellationToken cancellationToken);
}
