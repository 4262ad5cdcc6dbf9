namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// A message's content as sent: a plain string (<see cref="Text"/>), or OpenAI's array of typed parts (<see cref="Parts"/>),
/// kept as parts so that the daemon can refuse the kinds it cannot read (images, audio) by name.
/// </summary>
public sealed record ChatMessageContent
{
    public ChatMessageContent(string text)
    {
        Text = text;
    }

    public ChatMessageContent(IReadOnlyList<ChatContentPart> parts)
    {
        Parts = parts;
    }

    /// <summary>The content when it was sent as a string.</summary>
    public string? Text { get; }

    /// <summary>The content when it was sent as an array of parts.</summary>
    public IReadOnlyList<ChatContentPart>? Parts { get; }
}
