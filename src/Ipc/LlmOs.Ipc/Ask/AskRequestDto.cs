using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Ask;

/// <summary>
/// <c>POST /v1/ask</c>: the <c>utterance</c> to understand and act on; its <c>language</c> (a pack code or a locale such as
/// <c>es_ES.UTF-8</c>; default the daemon's default language), the caller's <c>time_zone</c> (an IANA id; default the
/// daemon's local zone), <c>explain</c> (add each recogniser's candidates to the answer) and an <c>image</c> the question is
/// about (its file's bytes in base64; "what is in this picture?", "read the text in this image"). Unknown fields are refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AskRequestDto(
    string? Utterance,
    string? Language = null,
    string? TimeZone = null,
    bool Explain = false,
    string? Image = null);
