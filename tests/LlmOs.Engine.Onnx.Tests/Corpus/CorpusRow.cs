using System.Text.Json;

namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>One utterance of the corpus: what was said, in which language and split, and the intent and slots expected.</summary>
public sealed record CorpusRow(string File, int Line, string Split, string Language, string Text, string Intent, IReadOnlyDictionary<string, JsonElement> Slots)
{
    public override string ToString() => $"{File}:{Line} \"{Text}\"";
}
