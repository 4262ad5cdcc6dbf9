namespace LlmOs.Engine.Scheduling;

public enum ModelWorkerState
{
    Unloaded,
    Loading,
    Loaded,
}
