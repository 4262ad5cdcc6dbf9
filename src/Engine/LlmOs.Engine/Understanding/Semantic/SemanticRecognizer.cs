using LlmOs.Engine.Scheduling;

namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>PLACEHOLDER (issue 5, semantic helper): nearest intent by sentence embeddings of the examples.</summary>
public sealed class SemanticRecognizer(Scheduler scheduler) : IIntentRecognizer
{
    public string Name => "semantic";

    public double AcceptAt => 1.1;

    public Scheduler Scheduler => scheduler;

    public ValueTask<IReadOnlyList<IntentCandidate>> RecognizeAsync(RecognitionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<IntentCandidate>>([]);
}
