namespace LlmOs.Engine.Intents;

/// <summary>
/// A handler's answer: the reply text for the user and, when the request acts on the desktop, an action for the
/// user's session to carry out: a flat map with at least <c>type</c> (for example <c>app.open</c>) and its
/// arguments as string, long, double or bool values.
/// </summary>
public sealed record IntentReply(string Text, IReadOnlyDictionary<string, object>? Action = null)
{
    /// <summary>
    /// Values the handler found while it ran (string, long, double or bool), added to the ask's slots: a built-in image
    /// skill puts what it saw or read there (<c>label</c>, <c>labels</c>; <c>text</c>). Null when it found none.
    /// </summary>
    public IReadOnlyDictionary<string, object>? Slots { get; init; }
}
