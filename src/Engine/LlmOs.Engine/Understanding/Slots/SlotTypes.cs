namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// The slot types the parsers know, and the value each produces. Values are plain (string, long, double), so they
/// pass unchanged to an app's handler and onto the wire. An app may name any other type: it is parsed as text.
/// </summary>
public static class SlotTypes
{
    /// <summary>A whole number, in digits or words ("25", "twenty five") → <see cref="long"/>.</summary>
    public const string WholeNumber = "integer";

    /// <summary>Any number ("2.5", "two and a half") → <see cref="double"/>.</summary>
    public const string Number = "number";

    /// <summary>A length of time ("90 seconds", "an hour and a half") → whole seconds as <see cref="long"/>.</summary>
    public const string Duration = "duration";

    /// <summary>
    /// A moment ("at 5 pm", "tomorrow at noon", "in ten minutes") → ISO 8601 local time with its offset in the
    /// caller's zone, <c>yyyy-MM-ddTHH:mm:sszzz</c>, as <see cref="string"/>; always in the future of <see cref="SlotContext.Now"/>
    /// when no date was said.
    /// </summary>
    public const string DateTime = "datetime";

    /// <summary>A percentage ("50%", "fifty percent") → 0 to 100 (or more) as <see cref="double"/>.</summary>
    public const string Percentage = "percentage";

    /// <summary>Free text: the words as typed, original case, → <see cref="string"/>.</summary>
    public const string Text = "text";

    /// <summary>A value from a named list (<c>list:app</c>, <c>list:language</c>) → the entry's value as <see cref="string"/>.</summary>
    public const string ListPrefix = "list:";

    /// <summary>The list a <c>list:NAME</c> type names, or null for other types.</summary>
    public static string? ListName(string type) =>
        type.StartsWith(ListPrefix, StringComparison.Ordinal) ? type[ListPrefix.Length..] : null;
}
