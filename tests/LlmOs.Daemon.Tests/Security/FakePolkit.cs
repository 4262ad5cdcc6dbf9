using LlmOs.Daemon.Security;

namespace LlmOs.Daemon.Tests.Security;

/// <summary>Our polkit seam answered by the test: a fixed yes or no, an error, or never (until cancelled).</summary>
internal sealed class FakePolkit(Func<PolkitSubject, CancellationToken, Task<bool>> answer) : IPolkitAuthority
{
    public List<(PolkitSubject Subject, string Action)> Questions { get; } = [];

    public static FakePolkit Says(bool yes) => new((_, _) => Task.FromResult(yes));

    public static FakePolkit Fails(Exception error) => new((_, _) => Task.FromException<bool>(error));

    /// <summary>Never answers; only cancellation ends the question.</summary>
    public static FakePolkit Hangs() => new(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        return true;
    });

    public Task<bool> CheckAuthorizationAsync(PolkitSubject subject, string actionId, CancellationToken cancellationToken)
    {
        lock (Questions)
        {
            Questions.Add((subject, actionId));
        }

        return answer(subject, cancellationToken);
    }
}
