namespace LlmOs.Engine.Generation;

/// <summary>
/// A loaded text-generation model that advances several sequences together, one batch per step.
/// The scheduler's worker is its only caller and calls it from one thread at a time.
/// </summary>
public interface ITextModel : IAsyncDisposable
{
    /// <summary>How many sequences may be open at once.</summary>
    int MaxSequences { get; }

    /// <summary>How many tokens (prompt and output) each sequence may hold.</summary>
    int ContextPerSequence { get; }

    /// <summary>Starts a sequence: tokenizes and checks the prompt. Throws <see cref="Errors.EngineException"/> when it does not fit.</summary>
    ITextSequence Open(string prompt, GenerationOptions options);

    /// <summary>
    /// One batch step: each sequence still reading its prompt takes in up to a bounded chunk of it, each generating
    /// sequence its last token; then every sequence whose prompt is fully read samples its next token
    /// (see <see cref="ITextSequence.Piece"/>). One call is one batch step.
    /// </summary>
    void Advance(IReadOnlyList<ITextSequence> sequences);
}
