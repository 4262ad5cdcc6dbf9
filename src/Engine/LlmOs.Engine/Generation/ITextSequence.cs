namespace LlmOs.Engine.Generation;

/// <summary>One generation inside a batched <see cref="ITextModel"/>. Disposing it frees its slot and its cache.</summary>
public interface ITextSequence : IDisposable
{
    /// <summary>The text of the token sampled in the last step; null when the step only read prompt, or the sequence ended.</summary>
    string? Piece { get; }

    /// <summary>Set once the model has ended its text (<see cref="FinishReason.Stop"/>) or the context is full (<see cref="FinishReason.Length"/>).</summary>
    FinishReason? Ended { get; }

    /// <summary>How many tokens the prompt came to.</summary>
    int PromptTokens { get; }
}
