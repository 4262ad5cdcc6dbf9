namespace LlmOs.Engine.Speech;

/// <summary>
/// Recognises short spoken commands against a closed <see cref="CommandGrammar"/> (pocketsphinx), and says whether to
/// trust what it heard: speech that is not a command of the grammar must come back not <see cref="CommandHypothesis.Accepted"/>
/// rather than forced onto the nearest command.
/// </summary>
public interface ICommandRecognizer
{
    /// <summary>Whether an acoustic model and dictionary for <paramref name="language"/> (a pack code, "en") are installed.</summary>
    bool Supports(string language);

    /// <summary>Starts recognising audio that arrives in pieces (a stream being recorded).</summary>
    ICommandSession Start(CommandGrammar grammar);

    /// <summary>Recognises a whole clip.</summary>
    Task<CommandHypothesis> RecognizeAsync(AudioClip clip, CommandGrammar grammar, CancellationToken cancellationToken);
}

/// <summary>One utterance being recognised as it arrives; not thread-safe: one producer feeds it.</summary>
public interface ICommandSession : IDisposable
{
    /// <summary>Feeds the next 16 kHz mono samples; decoding happens here, as they come.</summary>
    void Process(ReadOnlySpan<float> samples);

    /// <summary>The end of the utterance: the final hypothesis and whether to accept it.</summary>
    CommandHypothesis Finish();
}
