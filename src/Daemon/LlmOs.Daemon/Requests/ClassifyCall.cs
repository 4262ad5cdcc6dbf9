using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Vision;

namespace LlmOs.Daemon.Requests;

/// <summary>A checked classification request: the decoded image, the vision model (null: the default), how many labels, and its priority.</summary>
internal sealed record ClassifyCall(RgbImage Image, string? Model, int Top, TaskPriority Priority);
