using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>
/// A scheduler over a real registry whose models folder holds the real image classifier and its labels beside it
/// (<see cref="Classifier"/>) and, when asked, the real text model, run by in-memory fakes of the vision, OCR and text
/// backends. Disposing it shuts the scheduler down.
/// </summary>
internal sealed class VisionHarness : IAsyncDisposable
{
    public const string Classifier = "mobilenet";
    public const string TextModel = "stories";
    public const uint Owner = 1000;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly TempDirectory _temp = new();

    public VisionHarness(SchedulerOptions? options = null, bool withClassifier = true, bool withTextModel = false, FakeTextBackend? text = null, bool withOcr = true)
    {
        string models = _temp.Combine("models");
        Directory.CreateDirectory(models);
        if (withClassifier)
        {
            _temp.CopyFile(VisionFiles.MobileNet, Path.Combine("models", Classifier + ".onnx"));
            _temp.CopyFile(VisionFiles.ImageNetLabels, Path.Combine("models", Classifier + ".labels.json"));
        }

        if (withTextModel)
        {
            _temp.CopyFile(TestModels.Stories260K, Path.Combine("models", TextModel + ".gguf"));
        }

        Registry = new ModelRegistry(new ModelRegistryOptions { ModelsDirectory = models, StateFile = _temp.Combine("state.json") }, TimeProvider.System);
        Text = text ?? new FakeTextBackend();
        Scheduler = new Scheduler(
            Text, Registry, Store, options ?? new SchedulerOptions(), TimeProvider.System, NullLogger<Scheduler>.Instance,
            vision: Vision, ocr: withOcr ? Ocr : null);
    }

    public ModelRegistry Registry { get; }

    public TaskStore Store { get; } = new(TimeProvider.System);

    public FakeVisionBackend Vision { get; } = new();

    public FakeOcrEngine Ocr { get; } = new();

    public FakeTextBackend Text { get; }

    public Scheduler Scheduler { get; }

    /// <summary>An image of its own size (its best label is <see cref="FakeImageClassifier.LabelOf"/>); the pixels do not matter to the fakes.</summary>
    public static RgbImage Image(int width, int height = 2) => new(width, height, new byte[width * height * 3]);

    public TaskRecord Classify(int width, int top = 5, uint uid = Owner) =>
        Scheduler.SubmitClassify(uid, Image(width), null, top, TaskPriority.Interactive);

    public TaskRecord Read(int width, string? language = null, uint uid = Owner) =>
        Scheduler.SubmitOcr(uid, Image(width), language, TaskPriority.Interactive);

    public Task IdleAsync() =>
        Eventually.TrueAsync(() => Scheduler.QueueDepth == 0 && Scheduler.RunningCount == 0, "the scheduler is idle");

    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        _temp.Dispose();
    }
}
