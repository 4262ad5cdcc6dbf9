namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>
/// The built-in intents and their slots as issue 5's contract table gives them: the corpus checks its own rows
/// against it, so a misspelt intent or slot in a corpus file fails at once instead of lowering a score.
/// </summary>
public static class BuiltinIntents
{
    public static readonly IReadOnlyDictionary<string, string[]> Slots = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["time.now"] = [],
        ["date.today"] = [],
        ["timer.set"] = ["duration", "name"],
        ["timer.cancel"] = ["name"],
        ["timer.list"] = [],
        ["reminder.add"] = ["text", "when"],
        ["reminder.list"] = [],
        ["reminder.cancel"] = ["text"],
        ["calc.evaluate"] = ["expression"],
        ["app.open"] = ["app"],
        ["volume.set"] = ["level"],
        ["volume.change"] = ["direction"],
        ["volume.mute"] = ["state"],
        ["screen.lock"] = [],
        ["screenshot.take"] = [],
        ["translate.text"] = ["text", "language"],
        ["text.summarize"] = ["text"],
        ["text.write"] = ["topic"],
        ["chat"] = [],
    };
}
