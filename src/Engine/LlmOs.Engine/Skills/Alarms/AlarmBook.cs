using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// The timers and reminders of every uid, owned by the daemon and kept in a file of the state directory so they
/// survive a restart. Raises <see cref="Due"/> when one falls due (on start for those that fell due while the
/// daemon was down, marked late); a fired alarm is removed.
/// </summary>
public sealed class AlarmBook(string stateFile, TimeProvider time, ILogger<AlarmBook> logger)
{
    /// <summary>The file the book lives in (<c>alarms.json</c> in the state directory).</summary>
    public string StateFile => stateFile;

    /// <summary>Raised on a timer thread when an alarm falls due; handlers must not block.</summary>
    public event Action<AlarmDue>? Due;

    /// <summary>Loads the file, fires what fell due meanwhile, and arms the rest.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Adds an alarm and saves the book before returning.</summary>
    public Task<Alarm> AddAsync(AlarmKind kind, uint ownerUid, string label, DateTimeOffset dueAt, TimeSpan? duration, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The pending alarms of a uid, soonest first.</summary>
    public IReadOnlyList<Alarm> List(uint ownerUid, AlarmKind? kind = null) => throw new NotImplementedException();

    /// <summary>Removes one of the uid's alarms by id; false when it has none by that id.</summary>
    public Task<bool> CancelAsync(uint ownerUid, string id, CancellationToken cancellationToken) => throw new NotImplementedException();

    private void OnDue(AlarmDue due)
    {
        _ = time;
        _ = logger;
        Due?.Invoke(due);
    }
}
