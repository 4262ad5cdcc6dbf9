using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Onnx.Tests.Semantic;

/// <summary>No machine lists: the semantic tests fill no list slots.</summary>
internal sealed class NoLists : IListSource
{
    public IReadOnlyList<ListEntry>? Find(string name, string language) => null;
}
