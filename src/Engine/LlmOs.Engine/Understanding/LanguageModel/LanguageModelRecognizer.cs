using LlmOs.Engine.Assistant;

namespace LlmOs.Engine.Understanding.LanguageModel;

/// <summary>PLACEHOLDER (issue 5, semantic helper): the default LLM picks an intent through a JSON grammar, or chat.</summary>
public sealed class LanguageModelRecognizer(LanguageModelCalls llm) : IIntentRecognizer
{
    public string Name => "llm";

    public double AcceptAt => 0;

    public LanguageModelCalls Calls => llm;

    public ValueTask<IReadOnlyList<IntentCandidate>> RecognizeAsync(RecognitionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<IntentCandidate>>([]);
}
