using LlmOs.Engine.Errors;
using Microsoft.Extensions.Logging;

namespace LlmOs.Engine.Skills.Alarms;

/// <summary>
/// The timers and reminders of every uid, owned by the daemon and kept in a file of the state directory so they
/// survive a restart. Raises <see cref="Due"/> when one falls due (on start for those that fell due while the
/// daemon was down, marked late); a fired alarm is removed. Thread-safe; disposing it stops its timers.
/// </summary>
public sealed partial class AlarmBook(string stateFile, TimeProvider time, ILogger<AlarmBook> logger) : IDisposable
{
    /// <summary>How many pending alarms one uid may have; more are refused.</summary>
    public const int MaxPerOwner = 100;

    /// <summary>The longest label (a timer's name, what a reminder is about) in characters.</summary>
    public const int MaxLabelLength = 500;

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
    public Task<Alarm> AddAsync(AlarmKind kind, uint ownerUid, string label, DateTimeOffset dueAt, TimeSpan? duration, CancellationToken cancellationToken)
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
            if (own.Count >= MaxPerOwner)
            {
                throw new EngineException(ErrorKind.QuotaExceeded, $"uid {ownerUid} already has {MaxPerOwner} timers and reminders");
            }

            alarm = new Alarm(NextId(own), kind, ownerUid, label, dueAt, time.GetUtcNow()) { Duration = duration };
            _alarms.Add(alarm);
            try
            {
                Save();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _alarms.Remove(alarm);
                throw new EngineException(ErrorKind.Internal, $"the alarms could not be saved: {e.Message}");
            }

            if (_started)
            {
                Arm(alarm);
            }
        }

        AlarmsLog.Added(logger, kind, alarm.Id, ownerUid, dueAt);
        return Task.FromResult(alarm);
    }

    /// <summary>The pending alarms of a uid, soonest first.</summary>
    public IReadOnlyList<Alarm> List(uint ownerUid, AlarmKind? kind = null)
    {
        lock (_gate)
        {
            EnsureLoaded();
            return _alarms
                .Where(a => a.OwnerUid == ownerUid && (kind is null || a.Kind == kind))
                .OrderBy(a => a.DueAt)
                .ThenBy(a => a.CreatedAt)
                .ToList();
        }
    }

    /// <summary>Removes one of the uid's alarms by id; false when it has none by that id.</summary>
    public Task<bool> CancelAsync(uint ownerUid, string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Alarm? alarm;
        lock (_gate)
        {
            EnsureLoaded();
            alarm = _alarms.Find(a => a.OwnerUid == ownerUid && a.Id == id);
            if (alarm is null)
            {
                return Task.FromResult(false);
            }

            _alarms.Remove(alarm);
            Disarm(alarm);
            TrySave();
        }

        AlarmsLog.Cancelled(logger, alarm.Kind, alarm.Id, ownerUid);
        return Task.FromResult(true);
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

    /// <summary>The lowest whole number no pending alarm of the uid uses: short ids a person can say ("cancel timer 2").</summary>
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
