using LlmOs.Engine.Skills.Alarms;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests.Skills;

/// <summary>A started alarm book in a temp folder on a manual clock at <see cref="SkillRequests.Now"/>, for the timer and reminder skills.</summary>
internal sealed class AlarmSkillsFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public AlarmSkillsFixture()
    {
        Book = new AlarmBook(_temp.Combine("alarms.json"), Time, NullLogger<AlarmBook>.Instance);
        Book.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public TimerTimeProvider Time { get; } = new(SkillRequests.Now);

    public AlarmBook Book { get; }

    public void Dispose()
    {
        Book.Dispose();
        _temp.Dispose();
    }
}
