using LlmOs.Engine.Skills.Alarms;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests.Skills;

/// <summary>A started alarm book in a temp folder on a manual clock at <see cref="SkillRequests.Now"/>, for the timer and reminder skills.</summary>
internal sealed class AlarmSkillsFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public AlarmSkillsFixture() => Book = new AlarmBook(_temp.Combine("alarms.json"), Time, NullLogger<AlarmBook>.Instance);

    public TimerTimeProvider Time { get; } = new(SkillRequests.Now);

    public AlarmBook Book { get; }

    public Task InitializeAsync() => Book.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        Book.Dispose();
        await Book.FlushAsync(CancellationToken.None); // a fired alarm's background save ends before its folder goes
        _temp.Dispose();
    }
}
