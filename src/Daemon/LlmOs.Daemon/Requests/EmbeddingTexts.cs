using LlmOs.Engine.Errors;

namespace LlmOs.Daemon.Requests;

/// <summary>The limits on the texts of an embedding, the same for <c>/v1/tasks</c> and OpenAI's <c>/v1/embeddings</c>.</summary>
internal static class EmbeddingTexts
{
    /// <summary>Texts in one request at most: OpenAI's own limit, so that its clients' batches fit.</summary>
    public const int MaxTexts = 2048;

    /// <summary>Checks that there are 1 to <see cref="MaxTexts"/> texts, none empty and none over <paramref name="maxChars"/>.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<string?>? texts, string field, int maxChars)
    {
        if (texts is null || texts.Count == 0)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"'{field}' needs at least one text", field);
        }

        if (texts.Count > MaxTexts)
        {
            throw new EngineException(ErrorKind.TooLarge, $"'{field}' has {texts.Count} texts; the limit is {MaxTexts} per request", field);
        }

        var checkedTexts = new string[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            string where = texts.Count == 1 ? field : $"{field}[{i}]";
            string text = texts[i] ?? throw new EngineException(ErrorKind.InvalidInput, $"'{where}' must be a string, not null", field);
            if (text.Length == 0)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"'{where}' is empty", field);
            }

            if (text.Length > maxChars)
            {
                throw new EngineException(ErrorKind.TooLarge, $"'{where}' has {text.Length} characters; the limit is {maxChars}", field);
            }

            checkedTexts[i] = text;
        }

        return checkedTexts;
    }
}
