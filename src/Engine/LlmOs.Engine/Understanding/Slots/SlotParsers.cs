namespace LlmOs.Engine.Understanding.Slots;

/// <summary>PLACEHOLDER (issue 5, slots helper): the parsers of every slot type, by type name.</summary>
public static class SlotParsers
{
    /// <summary>
    /// Every way a value of <paramref name="type"/> can be read from <paramref name="tokens"/> starting at
    /// <paramref name="start"/>, longest first (the template matcher backtracks through them). Free text
    /// (<see cref="SlotTypes.Text"/> and unknown types) is left to the matcher, which knows where the next literal is;
    /// this yields nothing for it.
    /// </summary>
    public static IEnumerable<SlotMatch> Parse(string type, IReadOnlyList<string> tokens, int start, SlotContext context) => [];
}
