namespace LlmOs.Engine.Understanding.Templates;

/// <summary>PLACEHOLDER (issue 5, templates helper): matches the utterance against every intent's sentence templates.</summary>
public sealed class TemplateRecognizer : IIntentRecognizer
{
    public string Name => "templates";

    public double AcceptAt => 0.8;

    public ValueTask<IReadOnlyList<IntentCandidate>> RecognizeAsync(RecognitionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<IntentCandidate>>([]);
}
