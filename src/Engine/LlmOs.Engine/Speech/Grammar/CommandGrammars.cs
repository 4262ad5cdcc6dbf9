using System.Runtime.CompilerServices;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Speech.Grammar;

/// <summary>
/// The command grammar of a caller's catalog, built once per <see cref="IntentCatalog"/> instance (catalogs are
/// rebuilt when apps register or leave, so their intents join the grammar) and rebuilt when the installed apps change.
/// </summary>
public sealed class CommandGrammars(IntentCatalogs catalogs, IListSource lists, IPronunciationLexicon lexicon) : ICommandGrammars
{
    private readonly ConditionalWeakTable<IntentCatalog, Built> _built = [];

    public CommandGrammar GrammarFor(uint uid, LanguagePack language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (!lexicon.Supports(language.Code))
        {
            throw new EngineException(ErrorKind.Unsupported, $"no acoustic model for language '{language.Code}': command grammars are English only");
        }

        var catalog = catalogs.For(uid, language);
        var apps = lists.Find("app", language.Code);
        if (_built.TryGetValue(catalog, out var built) && ReferenceEquals(built.Apps, apps))
        {
            return built.Grammar;
        }

        var grammar = new CommandGrammarBuilder(language, lists, lexicon.Knows).Build(catalog);
        _built.AddOrUpdate(catalog, new Built(apps, grammar));
        return grammar;
    }

    private sealed record Built(IReadOnlyList<ListEntry>? Apps, CommandGrammar Grammar);
}
