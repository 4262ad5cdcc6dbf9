using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Metrics;

/// <summary>Counts nothing: for an engine embedded where nobody reads metrics.</summary>
public sealed class NoEngineMetrics : IEngineMetrics
{
    public static readonly NoEngineMetrics Instance = new();

    public void TaskFinished(TaskKind kind, TaskState outcome)
    {
    }

    public void TokensGenerated(string model, int count)
    {
    }

    public void FirstToken(string model, TimeSpan sinceSubmitted)
    {
    }

    public void TokenInterval(string model, TimeSpan interval)
    {
    }

    public void ModelLoaded(string model, TimeSpan took)
    {
    }
}
