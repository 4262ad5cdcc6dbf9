using System.Text.Json;

namespace LlmOs.Ipc.Tasks;

/// <summary>
/// The result of a finished task. A generation has its <c>text</c>, its <c>tokens</c> and <c>finish_reason</c>
/// (<c>stop</c> or <c>length</c>). An embedding has one vector per input text in <c>embeddings</c>, in input order,
/// and the <c>tokens</c> the texts came to; its <c>text</c> is empty and its <c>finish_reason</c> is <c>stop</c>.
/// An intent has the handler's reply <c>text</c> and, when it acts on the desktop, its <c>action</c>
/// (<c>{"type": "app.open", …}</c>) for the user's session to carry out. An ask has, besides its reply <c>text</c> and
/// <c>action</c>, the recognised <c>intent</c>, its <c>slots</c>, the <c>confidence</c> and the <c>handler</c> that ran
/// (the fields of <see cref="Ask.AskResultDto"/>). A classification has its <c>labels</c>, best first, and the best one
/// as its <c>text</c>; a text recognition has the <c>text</c> read, its <c>confidence</c> (0 to 100) and its <c>lines</c>.
/// A transcription has its <c>text</c>, <c>language</c>, <c>duration</c> (seconds) and <c>segments</c>; a voice task the
/// <c>transcript</c>, the <c>recognizer</c> that made it and whether it was <c>accepted</c> as a command, the ask's fields
/// as above, and the reply spoken in <c>audio</c> (a WAV file in base64) when asked; a speak task its <c>audio</c>, the
/// <c>duration</c> and the spoken <c>text</c>.
/// </summary>
public sealed record TaskResultDto(
    string Text,
    int Tokens,
    string FinishReason,
    IReadOnlyList<float[]>? Embeddings = null,
    IReadOnlyDictionary<string, JsonElement>? Action = null,
    string? Intent = null,
    IReadOnlyDictionary<string, JsonElement>? Slots = null,
    double? Confidence = null,
    string? Handler = null,
    IReadOnlyList<Vision.LabelScoreDto>? Labels = null,
    IReadOnlyList<Vision.OcrLineDto>? Lines = null,
    string? Transcript = null,
    string? Recognizer = null,
    bool? Accepted = null,
    string? Language = null,
    double? Duration = null,
    IReadOnlyList<Speech.TranscriptSegmentDto>? Segments = null,
    string? Audio = null);
