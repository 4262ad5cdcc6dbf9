using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Tests.LanguageModel;

/// <summary>No machine lists (no installed apps).</summary>
internal sealed class EmptyLists : IListSource
{
    public IReadOnlyList<ListEntry>? Find(string name, string language) => null;
}
