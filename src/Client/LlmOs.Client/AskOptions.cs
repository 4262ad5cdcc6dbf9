namespace LlmOs.Client;

/// <summary>
/// How to ask: the utterance's <paramref name="Language"/> (a code such as <c>es</c> or a locale; default llmosd's),
/// the asker's <paramref name="TimeZone"/> (an IANA id; default llmosd's), <paramref name="Explain"/> to get each
/// recogniser's candidates in the result, and an <paramref name="Image"/> the question is about ("what is in this
/// picture?", "read the text in this image").
/// </summary>
public sealed record AskOptions(string? Language = null, string? TimeZone = null, bool Explain = false, LlmosImage? Image = null);
