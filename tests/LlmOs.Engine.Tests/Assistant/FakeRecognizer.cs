using LlmOs.Engine.Understanding;

namespace LlmOs.Engine.Tests.Assistant;

/// <summary>A recogniser stage that gives the candidates the test sets, and counts its runs.</summary>
internal sealed class FakeRecognizer(string name, double acceptAt, params IntentCandidate[] candidates) : IIntentRecognizer
{
    public string Name { get; } = name;

    public double AcceptAt { get; } = acceptAt;

    public int Runs { get; private set; }

    public ValueTask<IReadOnlyList<IntentCandidate>> RecognizeAsync(RecognitionContext context, CancellationToken cancellationToken)
    {
        Runs++;
        return ValueTask.FromResult<IReadOnlyList<IntentCandidate>>(candidates);
    }

    public static IntentCandidate Candidate(string intent, double confidence) =>
        new(intent, new Dictionary<string, object> { ["duration"] = 150L }, confidence);
}
