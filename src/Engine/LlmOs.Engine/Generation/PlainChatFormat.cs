using System.Text;

namespace LlmOs.Engine.Generation;

/// <summary>
/// The chat layout for a model without a usable chat template: one "Role: text" paragraph per message,
/// then "Assistant:" for the model to continue.
/// </summary>
public static class PlainChatFormat
{
    public static string Render(IReadOnlyList<ChatTurn> turns)
    {
        var text = new StringBuilder();
        foreach (var turn in turns)
        {
            text.Append(char.ToUpperInvariant(turn.Role[0])).Append(turn.Role.AsSpan(1)).Append(": ").Append(turn.Content).Append("\n\n");
        }

        return text.Append("Assistant:").ToString();
    }
}
