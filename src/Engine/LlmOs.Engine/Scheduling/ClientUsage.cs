namespace LlmOs.Engine.Scheduling;

/// <summary>What one client (uid) has waiting, running and generated today. Guarded by the scheduler's admission lock.</summary>
internal sealed class ClientUsage
{
    public int Queued { get; set; }

    public int Running { get; set; }

    public long TokensToday { get; private set; }

    private DateOnly _day;

    public void AddTokens(long tokens, DateOnly today)
    {
        Roll(today);
        TokensToday += tokens;
    }

    /// <summary>Starts a new day's count when the date has changed.</summary>
    public void Roll(DateOnly today)
    {
        if (today != _day)
        {
            _day = today;
            TokensToday = 0;
        }
    }
}
