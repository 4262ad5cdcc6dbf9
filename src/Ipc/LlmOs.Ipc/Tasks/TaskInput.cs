using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.Tasks;

/// <summary>
/// The input of a task: <c>prompt</c> for <c>generate</c>; <c>texts</c> (or a single <c>text</c>) for <c>embed</c>;
/// <c>intent</c>, its <c>slots</c> (name → string, number or boolean) and the <c>utterance</c> for <c>intent</c>;
/// <c>utterance</c> and optionally an <c>image</c> for <c>ask</c>; the <c>image</c> alone for <c>classify</c> and <c>ocr</c>.
/// An image is its file's bytes (JPEG, PNG, WebP, BMP or GIF) in base64. <c>transcribe</c> and <c>voice</c> take the
/// <c>audio</c> file's bytes (WAV, MP3, Ogg/Opus) in base64, <c>transcribe</c> also a <c>prompt</c> of likely words;
/// <c>speak</c> takes the <c>text</c> to speak.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TaskInput(
    string? Prompt,
    IReadOnlyList<string>? Texts = null,
    string? Text = null,
    string? Intent = null,
    IReadOnlyDictionary<string, JsonElement>? Slots = null,
    string? Utterance = null,
    string? Image = null,
    string? Audio = null);
