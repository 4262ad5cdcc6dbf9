namespace LlmOs.Engine.Understanding.Templates;

/// <summary>A sentence template that does not parse; <see cref="Column"/> is 1-based within the template.</summary>
public sealed class TemplateSyntaxException : Exception
{
    public TemplateSyntaxException()
    {
    }

    public TemplateSyntaxException(string message)
        : base(message)
    {
    }

    public TemplateSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemplateSyntaxException(string message, int column)
        : base(message)
    {
        Column = column;
    }

    public int Column { get; }
}
