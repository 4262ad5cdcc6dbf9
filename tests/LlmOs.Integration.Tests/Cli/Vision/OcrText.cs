using LlmOs.Integration.Tests.Vision;

namespace LlmOs.Integration.Tests.Cli.Vision;

/// <summary>How far what OCR read is from the text that was drawn (the drawing is <c>Vision.Pictures.TextPng</c>).</summary>
internal static class OcrText
{
    /// <summary>The number of single-character edits between <paramref name="read"/> and <paramref name="drawn"/>, whitespace runs counted as one space.</summary>
    public static int EditDistance(string read, IReadOnlyList<string> drawn) =>
        CharacterErrors.Distance(Normalise(read), Normalise(string.Join('\n', drawn)));

    private static string Normalise(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
