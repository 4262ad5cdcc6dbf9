using LlmOs.Engine.Generation;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Scheduling;

/// <summary>A running task inside a model's batch: the task, its sequence in the model, and what it has produced.</summary>
internal sealed class ActiveSequence(TaskRecord task, ITextSequence sequence)
{
    public TaskRecord Task { get; } = task;

    public ITextSequence Sequence { get; } = sequence;

    public StopSequenceFilter Stops { get; } = new(task.Options.Stop);

    public int Produced { get; set; }
}
