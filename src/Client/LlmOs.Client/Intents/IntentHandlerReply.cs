namespace LlmOs.Client.Intents;

/// <summary>
/// A handler's answer: the <see cref="Text"/> for the user and, when the request acts on the desktop, an
/// <see cref="Action"/> for the user's session (<c>{"type": "app.open", …}</c>). Action values may be strings,
/// numbers, booleans, <see cref="System.Text.Json.JsonElement"/>s, nested string-keyed dictionaries and lists of these.
/// </summary>
public sealed record IntentHandlerReply(string Text, IReadOnlyDictionary<string, object?>? Action = null);
