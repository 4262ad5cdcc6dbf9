using LlmOs.Engine.Intents;
using LlmOs.Engine.Skills;

namespace LlmOs.Engine.Tests.Assistant;

/// <summary>A skill that records its requests and answers with its intent's name, or as <see cref="Behaviour"/> says.</summary>
internal sealed class FakeSkill(string intent, bool usesLanguageModel = false) : ISkill
{
    public IReadOnlyList<string> Intents { get; } = [intent];

    public bool UsesLanguageModel { get; } = usesLanguageModel;

    public List<SkillRequest> Requests { get; } = [];

    public Func<SkillRequest, CancellationToken, Task<IntentReply>>? Behaviour { get; set; }

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Behaviour?.Invoke(request, cancellationToken) ?? Task.FromResult(new IntentReply("skill " + Intents[0]));
    }
}
