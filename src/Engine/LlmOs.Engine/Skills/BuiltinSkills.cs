using LlmOs.Engine.Assistant;
using LlmOs.Engine.Skills.Alarms;

namespace LlmOs.Engine.Skills;

/// <summary>PLACEHOLDER (issue 5, skills helper): every built-in skill, wired to what it needs.</summary>
public static class BuiltinSkills
{
    public static IReadOnlyList<ISkill> Create(AlarmBook alarms, LanguageModelCalls languageModel, TimeProvider time) => [];
}
