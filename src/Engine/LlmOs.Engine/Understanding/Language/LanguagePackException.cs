namespace LlmOs.Engine.Understanding.Language;

/// <summary>A language pack file that cannot be used: the message names the file, the line (when known) and what is wrong.</summary>
public sealed class LanguagePackException : Exception
{
    public LanguagePackException()
    {
    }

    public LanguagePackException(string message)
        : base(message)
    {
    }

    public LanguagePackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LanguagePackException(string file, long line, string message, Exception? innerException = null)
        : base(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}", innerException)
    {
        File = file;
        Line = line;
    }

    public string? File { get; }

    /// <summary>The 1-based line in <see cref="File"/>, 0 when the problem is not at one line.</summary>
    public long Line { get; }
}
