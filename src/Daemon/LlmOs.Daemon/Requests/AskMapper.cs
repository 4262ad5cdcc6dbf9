using System.Text.Json;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Skills.Alarms;
using LlmOs.Engine.Understanding;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Events;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

/// <summary>The intent engine's values (asks, understanding, catalog intents, due alarms) to wire records.</summary>
internal static class AskMapper
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoSlots = new Dictionary<string, JsonElement>();

    public static AskResultDto ToDto(AskResult result, bool explain) => new(
        result.Intent,
        Slots(result.Slots),
        result.Confidence,
        result.Handler,
        result.Text,
        SlotValues.ToWire(result.Action),
        explain ? Stages(result.Stages) : null);

    public static TaskResultDto ToTaskResult(AskResult result) => new(
        result.Text,
        0,
        "stop",
        Action: SlotValues.ToWire(result.Action),
        Intent: result.Intent,
        Slots: Slots(result.Slots),
        Confidence: result.Confidence,
        Handler: result.Handler);

    public static IntentTestResponse ToDto(UnderstandingResult understood) => new(
        understood.Best.Intent,
        Slots(understood.Best.Slots),
        understood.Best.Confidence,
        understood.Recognizer,
        Stages(understood.Stages));

    public static List<RecognizerStageDto> Stages(IReadOnlyList<RecognizerStage> stages) =>
        stages.Select(s => new RecognizerStageDto(
            s.Recognizer,
            s.Decided,
            Math.Round(s.Elapsed.TotalMilliseconds, 3),
            s.Candidates.Select(c => new IntentCandidateDto(c.Intent, c.Confidence, Slots(c.Slots), c.Evidence)).ToList())).ToList();

    public static CatalogIntentDto ToDto(CatalogIntent intent) => new(
        intent.Name,
        intent.Source == IntentSource.App ? IntentSources.App : IntentSources.Builtin,
        intent.Slots,
        intent.Templates,
        intent.Examples,
        intent.Description,
        intent.Registration?.Handler.Address);

    public static DueEventDto ToDto(AlarmDue due) => new(
        due.Alarm.Id,
        due.Alarm.Kind == AlarmKind.Timer ? EventNames.TimerKind : EventNames.ReminderKind,
        due.Alarm.Label,
        due.Alarm.DueAt,
        due.FiredAt,
        due.Late,
        due.Alarm.Duration is { } duration ? (long)Math.Round(duration.TotalSeconds) : null);

    private static IReadOnlyDictionary<string, JsonElement> Slots(IReadOnlyDictionary<string, object> slots) =>
        slots.Count == 0 ? NoSlots : SlotValues.ToWire(slots)!;
}
