namespace LlmOs.Engine.Intents;

/// <summary>
/// A handler's answer: the reply text for the user and, when the request acts on the desktop, an action for the
/// user's session to carry out: a flat map with at least <c>type</c> (for example <c>app.open</c>) and its
/// arguments as string, long, double or bool values.
/// </summary>
public sealed record IntentReply(string Text, IReadOnlyDictionary<string, object>? Action = null);
