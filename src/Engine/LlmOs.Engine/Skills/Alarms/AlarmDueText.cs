using LlmOs.Engine.Understanding.Language;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>What to tell the owner when an alarm falls due, in their language: "The pasta timer is done.", "Reminder: call Anna.".</summary>
public static class AlarmDueText
{
    public static string For(AlarmDue due, LanguagePack language)
    {
        var alarm = due.Alarm;
        return alarm.Kind switch
        {
            AlarmKind.Reminder => language.Respond("reminder.due", ("text", alarm.Label)),
            _ when alarm.Label.Length > 0 => language.Respond("timer.due_named", ("name", alarm.Label)),
            _ => language.Respond("timer.due"),
        };
    }
}
