using LlmOs.Engine.Assistant;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Skills;
using LlmOs.Engine.Skills.Vision;
using LlmOs.Engine.Skills.Writing;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Slots;
using LlmOs.Engine.Understanding.Templates;
using LlmOs.Engine.Vision;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>
/// The real ask path for images: the shipped English and Spanish packs, the real template recogniser, the real image
/// and chat skills, over a <see cref="VisionHarness"/> whose classifier answers "bald eagle" at 87 %.
/// </summary>
internal sealed class ImageAskHarness : IAsyncDisposable
{
    public static readonly LabelScore[] Eagle =
        [new("bald eagle", 0.87f), new("kite", 0.05f), new("vulture", 0.03f), new("hawk", 0.01f), new("owl", 0.005f)];

    private static readonly Lazy<LanguageCatalog> Shipped = new(() => LanguagePackLoader.Load([LanguagePackLoader.ShippedDirectory]));

    public ImageAskHarness(bool withClassifier = true, bool withTextModel = false, FakeTextBackend? text = null)
    {
        Vision = new VisionHarness(withClassifier: withClassifier, withTextModel: withTextModel, text: text);
        Vision.Vision.Answer = (_, top) => [.. Eagle.Take(top)];
        var calls = new LanguageModelCalls(Vision.Scheduler, Vision.Registry);
        var registry = new IntentRegistry();
        Service = new AskService(
            Vision.Scheduler,
            Shipped.Value,
            new IntentCatalogs(registry),
            new IntentUnderstanding([new TemplateRecognizer()]),
            new SkillCatalog([new ImageDescribeSkill(calls), new ImageReadTextSkill(Vision.Scheduler), new ChatSkill(calls)]),
            new NoLists(),
            registry,
            calls,
            TimeProvider.System);
    }

    public VisionHarness Vision { get; }

    public AskService Service { get; }

    public static AskRequest Request(string utterance, string? language = null, bool withImage = true, TaskPriority priority = TaskPriority.Interactive) =>
        new(VisionHarness.Owner, utterance, language, TimeZoneInfo.Utc)
        {
            Image = withImage ? VisionHarness.Image(64, 48) : null,
            Priority = priority,
        };

    public Task<AskResult> AskAsync(string utterance, string? language = null, bool withImage = true, TaskPriority priority = TaskPriority.Interactive) =>
        Service.AnswerAsync(Request(utterance, language, withImage, priority), CancellationToken.None).WaitAsync(VisionHarness.Patience);

    public async ValueTask DisposeAsync() => await Vision.DisposeAsync();

    private sealed class NoLists : IListSource
    {
        public IReadOnlyList<ListEntry>? Find(string name, string language) => null;
    }
}
