using LlmOs.Engine.Assistant;
using LlmOs.Engine.Skills.Alarms;
using LlmOs.Engine.Skills.Calculator;
using LlmOs.Engine.Skills.Clock;
using LlmOs.Engine.Skills.Desktop;
using LlmOs.Engine.Skills.Vision;
using LlmOs.Engine.Skills.Writing;

namespace LlmOs.Engine.Skills;

/// <summary>Every built-in skill, wired to what it needs.</summary>
public static class BuiltinSkills
{
    /// <summary>
    /// The skills of every built-in intent. <paramref name="time"/> is the daemon's clock (the alarm book has its
    /// own); <paramref name="apps"/> is the same <see cref="DesktopApps"/> the daemon gives the slot parsers as the
    /// <c>app</c> list, so what is recognised is what can be opened.
    /// </summary>
    public static IReadOnlyList<ISkill> Create(AlarmBook alarms, LanguageModelCalls languageModel, TimeProvider time, DesktopApps apps)
    {
        _ = time; // skills take "now" from the request's slot context, which the ask service reads from this clock
        return
        [
            new ClockSkill(),
            new TimerSkill(alarms),
            new ReminderSkill(alarms),
            new CalculatorSkill(),
            new AppOpenSkill(apps),
            new VolumeSkill(),
            new ScreenSkill(),
            new TranslateSkill(languageModel),
            new SummarizeSkill(languageModel),
            new WriteSkill(languageModel),
            new ChatSkill(languageModel),
            new ImageDescribeSkill(languageModel),
            new ImageReadTextSkill(languageModel.Scheduler),
        ];
    }
}
