using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests;

/// <summary>
/// Schedulers over a real registry whose models folder holds one copy of stories260K.gguf per model name,
/// driven by the in-memory <see cref="FakeTextBackend"/>. Disposing it shuts every scheduler down.
/// </summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly TempDirectory _temp = new();
    private readonly List<Scheduler> _schedulers = [];

    public SchedulerHarness(params string[] models)
    {
        string modelsDirectory = _temp.Combine("models");
        Directory.CreateDirectory(modelsDirectory);
        foreach (string name in models)
        {
            _temp.CopyFile(TestModels.Stories260K, Path.Combine("models", name + ".gguf"));
        }

        Registry = new ModelRegistry(
            new ModelRegistryOptions { ModelsDirectory = modelsDirectory, StateFile = _temp.Combine("state", "models.json") },
            TimeProvider.System);
    }

    public ModelRegistry Registry { get; }

    public TaskStore Store { get; } = new(TimeProvider.System);

    public Scheduler Create(FakeTextBackend backend, SchedulerOptions options, TimeProvider? time = null)
    {
        var scheduler = new Scheduler(backend, Registry, Store, options, time ?? TimeProvider.System, NullLogger<Scheduler>.Instance);
        _schedulers.Add(scheduler);
        return scheduler;
    }

    /// <summary>What <see cref="ModelMemory.Estimate"/> says a model of this harness takes when loaded with <paramref name="settings"/>.</summary>
    public long EstimateOf(string model, TextModelSettings settings) => ModelMemory.Estimate(Registry.Resolve(model), settings);

    public static TaskRecord Submit(
        Scheduler scheduler,
        uint uid,
        string prompt,
        string? model = null,
        GenerationOptions? options = null,
        TaskPriority priority = TaskPriority.Interactive,
        TimeSpan? keepAlive = null) =>
        scheduler.SubmitGenerate(new TaskSubmission(uid, prompt, model, options ?? new GenerationOptions())
        {
            Priority = priority,
            KeepAlive = keepAlive,
        });

    public static Task StartedAsync(FakeTextBackend backend, string prompt) =>
        Eventually.TrueAsync(() => backend.StartedPrompts.Contains(prompt), $"the model starts on '{prompt}'");

    public static Task IdleAsync(Scheduler scheduler) =>
        Eventually.TrueAsync(() => scheduler.QueueDepth == 0 && scheduler.RunningCount == 0, "the scheduler is idle");

    public static Task FinishedAsync(params TaskRecord[] tasks) => Task.WhenAll(tasks.Select(t => t.Finished)).WaitAsync(Patience);

    public static string DeltaText(TaskRecord task)
    {
        var events = new List<TaskEvent>();
        task.Events.CopyFrom(0, events);
        return string.Concat(events.Where(e => e.Kind == TaskEventKind.Delta).Select(e => e.Text));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scheduler in _schedulers)
        {
            await scheduler.DisposeAsync();
        }

        _temp.Dispose();
    }
}
