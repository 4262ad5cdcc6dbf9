namespace LlmOs.Engine.Understanding.Slots;

/// <summary>
/// Lists that are not in the language data because they come from the machine: the installed apps (from the
/// <c>.desktop</c> files). Language lists (languages, directions) live in <see cref="Language.LanguagePack.Lists"/>.
/// </summary>
public interface IListSource
{
    /// <summary>The entries of list <paramref name="name"/> in <paramref name="language"/>, or null when this source has no such list.</summary>
    IReadOnlyList<ListEntry>? Find(string name, string language);
}
