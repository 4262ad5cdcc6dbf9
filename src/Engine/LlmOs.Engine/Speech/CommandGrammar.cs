namespace LlmOs.Engine.Speech;

/// <summary>
/// A closed grammar of the commands one catalog can recognise, as JSGF, generated from its templates and lists
/// (<c>Speech/Grammar/CommandGrammarBuilder</c>). <see cref="Key"/> changes whenever the text does, so recognisers
/// can cache what they compiled from it.
/// </summary>
public sealed record CommandGrammar(string Language, string Jsgf, string Key);
