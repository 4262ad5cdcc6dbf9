using LlmOs.Engine.Speech;
using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Tests.Speech;

/// <summary>A grammar per language, recording for whom it was asked.</summary>
internal sealed class FakeCommandGrammars : ICommandGrammars
{
    public List<(uint Uid, string Language)> Calls { get; } = [];

    public CommandGrammar GrammarFor(uint uid, LanguagePack language)
    {
        lock (Calls)
        {
            Calls.Add((uid, language.Code));
        }

        return new CommandGrammar(language.Code, "#JSGF V1.0; grammar commands; public <command> = set a timer;", "fake-" + language.Code);
    }
}
