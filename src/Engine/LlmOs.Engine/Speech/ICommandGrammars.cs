using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Speech;

/// <summary>
/// The command grammar of what <c>uid</c>'s words can reach in a language: generated from the same catalog the intent
/// engine uses (built-in templates and lists, plus the apps' intents the uid can reach), so that it changes when an
/// app registers or leaves. Cheap to call per utterance: a catalog's grammar is built once.
/// </summary>
public interface ICommandGrammars
{
    CommandGrammar GrammarFor(uint uid, LanguagePack language);
}
