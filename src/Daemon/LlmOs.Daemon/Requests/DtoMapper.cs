using LlmOs.Engine.Generation;
using LlmOs.Engine.Models;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc.Health;
using LlmOs.Ipc.Models;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

/// <summary>Engine values to wire records.</summary>
internal static class DtoMapper
{
    public static TaskDto ToDto(TaskRecord task) => new(
        task.Id,
        Kind(task.Kind),
        State(task.State),
        task.Model,
        task.OwnerUid,
        task.CreatedAt,
        task.StartedAt,
        task.FinishedAt,
        task.Result is { } r ? new TaskResultDto(r.Text, r.Tokens, r.FinishReason == FinishReason.Length ? "length" : "stop")
            : task.Embeddings is { } embeddings ? new TaskResultDto("", embeddings.Tokens, "stop", embeddings.Vectors)
            : task.Answer is { } answer ? AskMapper.ToTaskResult(answer)
            : task.Reply is { } reply ? new TaskResultDto(reply.Text, 0, "stop", Action: SlotValues.ToWire(reply.Action))
            : task.Labels is { } labels ? VisionMapper.ToTaskResult(labels)
            : task.Reading is { } reading ? VisionMapper.ToTaskResult(reading)
            : task.TranscriptResult is { } transcript ? SpeechMapper.ToTaskResult(transcript)
            : task.VoiceAnswer is { } voice ? SpeechMapper.ToTaskResult(voice)
            : task.Speech is { } speech ? SpeechMapper.ToTaskResult(speech, task.SpeechText)
            : null,
        task.Error is { } e ? new ErrorDto(ErrorCodeMap.Code(e.Kind), e.Message) : null);

    public static string Kind(TaskKind kind) => kind switch
    {
        TaskKind.Embed => TaskSubmitter.EmbedKind,
        TaskKind.Intent => TaskSubmitter.IntentKind,
        TaskKind.Ask => TaskSubmitter.AskKind,
        TaskKind.Classify => TaskSubmitter.ClassifyKind,
        TaskKind.Ocr => TaskSubmitter.OcrKind,
        TaskKind.Transcribe => TaskSubmitter.TranscribeKind,
        TaskKind.Voice => TaskSubmitter.VoiceKind,
        TaskKind.Speak => TaskSubmitter.SpeakKind,
        _ => TaskSubmitter.GenerateKind,
    };

    public static string State(TaskState state) => state switch
    {
        TaskState.Queued => TaskStates.Queued,
        TaskState.Running => TaskStates.Running,
        TaskState.Completed => TaskStates.Completed,
        TaskState.Failed => TaskStates.Failed,
        _ => TaskStates.Cancelled,
    };

    public static ModelDto ToDto(ModelEntry model, ModelWorkerState state) => new(
        model.Name,
        Kind(model.Kind),
        model.Source == ModelSource.Builtin || model.Kind == ModelKind.Vision ? "onnx" : model.Kind == ModelKind.Speech ? "ggml" : "gguf",
        !model.IsValid ? ModelStates.Invalid : State(state),
        model.IsDefault,
        model.Path,
        model.SizeBytes,
        model.Source switch
        {
            ModelSource.Configured => "config",
            ModelSource.Added => "added",
            ModelSource.Builtin => "builtin",
            _ => "models-dir",
        },
        model.Metadata?.Architecture,
        model.Metadata?.ParameterCount,
        model.Metadata?.ContextLength,
        model.Metadata?.Quantization,
        model.Metadata is null ? null : model.Metadata.ChatTemplate is not null,
        model.InvalidReason,
        model.LabelsPath);

    public static string Kind(ModelKind kind) => kind switch
    {
        ModelKind.Embedding => "embedding",
        ModelKind.Vision => "vision",
        ModelKind.Speech => "asr", // the name for speech recognition models
        _ => "text",
    };

    public static string State(ModelWorkerState state) => state switch
    {
        ModelWorkerState.Loaded => ModelStates.Loaded,
        ModelWorkerState.Loading => ModelStates.Loading,
        _ => ModelStates.Unloaded,
    };

    public static ResidentModelDto ToDto(ResidentModel model) => new(
        model.Name,
        Kind(model.Kind),
        State(model.State),
        model.MemoryBytes,
        model.ActiveSequences,
        model.MaxSequences,
        model.ContextPerSequence,
        model.GpuLayers,
        model.LoadedAt,
        model.ExpiresAt);

    public static ClientUsageDto ToDto(ClientUsageSnapshot usage) => new(
        usage.Uid, usage.Queued, usage.Running, usage.TokensToday, usage.DailyTokenLimit, usage.MaxQueued, usage.MaxSequences, usage.ResetsAt);
}
