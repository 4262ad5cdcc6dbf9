using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Metrics;

/// <summary>
/// What the engine reports as it works, for the daemon to count and export. The engine calls these
/// on its hot paths, so an implementation must be cheap and must never throw.
/// </summary>
public interface IEngineMetrics
{
    void TaskFinished(TaskKind kind, TaskState outcome);

    void TokensGenerated(string model, int count);

    /// <summary>From the task's submission to its first generated token.</summary>
    void FirstToken(string model, TimeSpan sinceSubmitted);

    /// <summary>The time one batch step took, that is, the time between two tokens of every sequence in it.</summary>
    void TokenInterval(string model, TimeSpan interval);

    void ModelLoaded(string model, TimeSpan took);
}
