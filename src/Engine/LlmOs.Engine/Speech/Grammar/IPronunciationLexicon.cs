namespace LlmOs.Engine.Speech.Grammar;

/// <summary>
/// The words a recogniser can say (its pronunciation dictionary): a grammar may only hold those, so the builder
/// leaves out template parts with any other word.
/// </summary>
public interface IPronunciationLexicon
{
    /// <summary>Whether the acoustic model of <paramref name="language"/> has an acoustic model at all.</summary>
    bool Supports(string language);

    /// <summary>Whether <paramref name="word"/> (lower case) has a pronunciation.</summary>
    bool Knows(string word);
}
