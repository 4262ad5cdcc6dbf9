namespace LlmOs.Engine.Generation;

/// <summary>A loaded text-generation model. One generation at a time (the scheduler's worker ensures it).</summary>
public interface ITextModel : IAsyncDisposable
{
    /// <summary>
    /// Continues <paramref name="prompt"/>, handing each decoded piece of text to <paramref name="onPiece"/>
    /// as soon as it exists; the callback answers false to stop early. Honours <paramref name="cancellationToken"/>
    /// between any two tokens.
    /// </summary>
    Task<GenerationEnd> GenerateAsync(string prompt, GenerationOptions options, Func<string, bool> onPiece, CancellationToken cancellationToken);
}
