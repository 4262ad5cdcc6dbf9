namespace LlmOs.Engine.Skills;

/// <summary>The built-in skills by the intent each handles.</summary>
public sealed class SkillCatalog
{
    private readonly Dictionary<string, ISkill> _byIntent = new(StringComparer.Ordinal);

    public SkillCatalog(IEnumerable<ISkill> skills)
    {
        foreach (var skill in skills)
        {
            foreach (string intent in skill.Intents)
            {
                if (!_byIntent.TryAdd(intent, skill))
                {
                    throw new ArgumentException($"two skills handle '{intent}'", nameof(skills));
                }
            }
        }
    }

    public ISkill? Find(string intent) => _byIntent.GetValueOrDefault(intent);

    public IEnumerable<string> Intents => _byIntent.Keys;
}
