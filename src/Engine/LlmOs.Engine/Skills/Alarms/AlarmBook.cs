using LlmOs.Engine.Errors;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// The timers and reminders of every uid, owned by the daemon and kept in a file of the state directory (mode 0600:
/// reminders are private) so they survive a restart. Raises <see cref="Due"/> when one falls due (on start for those
/// that fell due while the daemon was down, marked late). A fired alarm stays in the book, and the file, until
/// <see cref="AcknowledgeAsync"/> says its owner received it, or for <see cref="KeepUndeliveredFor"/>; on start the
/// undelivered ones are raised again. Thread-safe; disposing it stops its timers.
/// </summary>
public sealed partial class AlarmBook(string stateFile, TimeProvider time, ILogger<AlarmBook> logger) : IDisposable
{
    /// <summary>How many pending alarms one uid may have; more are refused.</summary>
    public const int MaxPerOwner = 100;

    /// <summary>How many fired alarms of one uid wait for delivery; the oldest go first.</summary>
    public const int MaxUndeliveredPerOwner = 32;

    /// <summary>The longest label (a timer's name, what a reminder is about) in characters.</summary>
    public const int MaxLabelLength = 500;

    /// <summary>How long a fired alarm waits for its owner to receive it.</summary>
    public static readonly TimeSpan KeepUndeliveredFor = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly List<Alarm> _alarms = [];
    private bool _loaded;
    private bool _started;
    private bool _disposed;

    /// <summary>The file the book lives in (<c>alarms.json</c> in the state directory).</summary>
    public string StateFile => stateFile;

    /// <summary>Raised on a timer thread when an alarm falls due; handlers must not block.</summary>
    public event Action<AlarmDue>? Due;

    /// <summary>Adds an alarm and saves the book before returning; refuses (<see cref="ErrorKind.QuotaExceeded"/>) past <see cref="MaxPerOwner"/>.</summary>
    public async Task<Alarm> AddAsync(AlarmKind kind, uint ownerUid, string label, DateTimeOffset dueAt, TimeSpan? duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        label = label.Trim();
        if (label.Length > MaxLabelLength)
        {
            throw new EngineException(ErrorKind.InvalidInput, $"an alarm's label is at most {MaxLabelLength} characters", "label");
        }

        Alarm alarm;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            EnsureLoaded();
            var own = _alarms.Where(a => a.OwnerUid == ownerUid).ToList();
            if (own.Count(a => a.Pending) >= MaxPerOwner)
            {
                throw new EngineException(ErrorKind.QuotaExceeded, $"uid {ownerUid} already has {MaxPerOwner} timers and reminders");
            }

            alarm = new Alarm(NextId(own), kind, ownerUid, label, dueAt, time.GetUtcNow()) { Duration = duration };
            _alarms.Add(alarm);
            _changes++;
        }

        try
        {
            // Not the caller's token: once in the book the alarm is either saved or taken back, never half-added.
            await SaveAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_gate)
            {
                _alarms.Remove(alarm);
                _changes++;
            }

            throw new EngineException(ErrorKind.Internal, $"the alarms could not be saved: {e.Message}");
        }

        lock (_gate)
        {
            if (_started && !_disposed && _alarms.Exists(a => ReferenceEquals(a, alarm)))
            {
                Arm(alarm);
            }
        }

        AlarmsLog.Added(logger, kind, alarm.Id, ownerUid, dueAt);
        return alarm;
    }

    /// <summary>The pending alarms of a uid (not those that fired), soonest first.</summary>
    public IReadOnlyList<Alarm> List(uint ownerUid, AlarmKind? kind = null)
    {
        lock (_gate)
        {
            EnsureLoaded();
            return _alarms
                .Where(a => a.Pending && a.OwnerUid == ownerUid && (kind is null || a.Kind == kind))
                .OrderBy(a => a.DueAt)
                .ThenBy(a => a.CreatedAt)
                .ToList();
        }
    }

    /// <summary>Removes one of the uid's pending alarms by id; false when it has none by that id (never had, or it fired).</summary>
    public async Task<bool> CancelAsync(uint ownerUid, string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Alarm? alarm;
        lock (_gate)
        {
            EnsureLoaded();
            alarm = _alarms.Find(a => a.Pending && a.OwnerUid == ownerUid && a.Id == id);
            if (alarm is null)
            {
                return false;
            }

            _alarms.Remove(alarm);
            _changes++;
            Disarm(alarm);
        }

        await TrySaveAsync(CancellationToken.None).ConfigureAwait(false);
        AlarmsLog.Cancelled(logger, alarm.Kind, alarm.Id, ownerUid);
        return true;
    }

    /// <summary>Stops every timer; the alarms stay in the file for the next start.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }

    /// <summary>
    /// The lowest whole number none of the uid's alarms uses (fired ones waiting for delivery included, so that an
    /// acknowledgement names one alarm): short ids a person can say ("cancel timer 2").
    /// </summary>
    private static string NextId(List<Alarm> own)
    {
        for (int n = 1; ; n++)
        {
            string id = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!own.Exists(a => a.Id == id))
            {
                return id;
            }
        }
    }
}
