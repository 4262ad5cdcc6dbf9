using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Intents;

/// <summary>
/// An intent an app offers to handle: a dotted <c>name</c>, a few <c>examples</c> (sentences or templates that say
/// it), its <c>slots</c> by name and type (for example <c>{"app": "text", "minutes": "integer"}</c>), and a
/// <c>description</c>. On D-Bus it is one a{sv} of RegisterIntentHandler's aa{sv}.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record IntentDto(
    string? Name,
    IReadOnlyList<string>? Examples = null,
    IReadOnlyDictionary<string, string>? Slots = null,
    string? Description = null);
