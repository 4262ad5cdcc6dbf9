using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Tasks;

/// <summary>
/// Options of a generation; every one may be left out. <c>priority</c> is "interactive" (default) or "background";
/// <c>keep_alive</c> is how long the model stays loaded afterwards: seconds or a duration like "10m", 0 to unload, -1 to keep.
/// An <c>ask</c> task takes <c>language</c> (a pack code or locale), <c>time_zone</c> (an IANA id) and <c>priority</c>.
/// A <c>classify</c> task takes <c>model</c> (a vision model), <c>top</c> (how many labels, 1 to 100, default 5) and
/// <c>priority</c>; an <c>ocr</c> task takes <c>language</c> (a tesseract language such as "eng", or "en") and <c>priority</c>.
/// A <c>transcribe</c> task takes <c>model</c> (a speech model), <c>language</c> (an ISO 639-1 code; left out: detected)
/// and <c>priority</c>; a <c>voice</c> task <c>language</c>, <c>time_zone</c>, <c>speak</c> (true: the reply spoken too)
/// with <c>voice</c>, <c>speed</c> and <c>sample_rate</c> for it, and <c>priority</c>; a <c>speak</c> task <c>voice</c>
/// (espeak-ng's name), <c>speed</c> (words per minute, 80 to 450), <c>sample_rate</c> (16000 or 22050) and <c>priority</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TaskOptions(
    string? Model = null,
    int? MaxTokens = null,
    float? Temperature = null,
    float? TopP = null,
    uint? Seed = null,
    IReadOnlyList<string>? Stop = null,
    string? Priority = null,
    JsonElement? KeepAlive = null,
    string? Language = null,
    string? TimeZone = null,
    int? Top = null,
    string? Voice = null,
    int? Speed = null,
    int? SampleRate = null,
    bool? Speak = null);
