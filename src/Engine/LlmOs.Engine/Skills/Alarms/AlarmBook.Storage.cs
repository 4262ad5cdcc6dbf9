using System.Text.Json;

namespace LlmOs.Engine.Skills.Alarms;

public sealed partial class AlarmBook
{
    /// <summary>Reminders are private: the state file (and its temporary and set-aside copies) is its owner's alone.</summary>
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>One save at a time, so that an older snapshot never overwrites a newer one.</summary>
    private readonly SemaphoreSlim _saving = new(1, 1);

    /// <summary>Counts the changes to the alarms (under the lock); <see cref="_savedChanges"/> is how many the file has (under <see cref="_saving"/>).</summary>
    private long _changes;
    private long _savedChanges;

    /// <summary>Writes what is not in the file yet (a fired alarm's state, saved in the background) and waits for it; a failure is logged.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => TrySaveAsync(cancellationToken);

    /// <summary>Reads the file once, under the lock. A file that does not parse is moved aside (<c>.bad</c>), never fatal.</summary>
    private void EnsureLoaded()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        List<Alarm>? stored;
        try
        {
            if (!File.Exists(stateFile))
            {
                return;
            }

            using var stream = File.OpenRead(stateFile);
            stored = JsonSerializer.Deserialize(stream, AlarmBookJson.Default.ListAlarm);
        }
        catch (JsonException e)
        {
            MoveAside(e.Message);
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AlarmsLog.ReadFailed(logger, stateFile, e.Message);
            return;
        }

        int dropped = 0;
        foreach (var alarm in stored ?? [])
        {
            // Hand-edited or older files: an entry without an id, or a second one with the same id, is dropped.
            if (alarm is null || string.IsNullOrEmpty(alarm.Id) || _alarms.Exists(a => a.OwnerUid == alarm.OwnerUid && a.Id == alarm.Id))
            {
                dropped++;
                continue;
            }

            _alarms.Add(alarm.Label is null ? alarm with { Label = "" } : alarm);
        }

        if (dropped > 0)
        {
            AlarmsLog.DroppedInvalid(logger, dropped, stateFile);
        }

        _changes++; // rewritten by the next save: in today's shape, and owner-only should an older llmosd have left it readable
    }

    private void MoveAside(string reason)
    {
        string aside = stateFile + ".bad";
        try
        {
            File.Move(stateFile, aside, overwrite: true);
            File.SetUnixFileMode(aside, OwnerOnly); // a rename keeps the mode the file had
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason += $"; moving it aside failed: {e.Message}";
        }

        AlarmsLog.Corrupt(logger, stateFile, reason, aside);
    }

    /// <summary>
    /// Saves the book if it changed since the last save: one save at a time; the alarms are copied under the lock and
    /// written outside it. Throws what writing throws.
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await _saving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<Alarm> snapshot;
            long changes;
            lock (_gate)
            {
                if (_changes == _savedChanges)
                {
                    return; // a save that started after this change already wrote it
                }

                snapshot = [.. _alarms];
                changes = _changes;
            }

            await WriteAsync(snapshot).ConfigureAwait(false);
            _savedChanges = changes;
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>
    /// Writes the alarms to a temporary file, owner-only, flushed to the disk, and renames it over the book: a crash
    /// leaves the old file or the new one, never half of one. The rename keeps the temporary file's mode.
    /// </summary>
    private async Task WriteAsync(List<Alarm> alarms)
    {
        string? directory = Path.GetDirectoryName(stateFile);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        string temp = stateFile + ".tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = OwnerOnly,
            Options = FileOptions.Asynchronous,
        };
        var stream = new FileStream(temp, options);
        await using (stream.ConfigureAwait(false))
        {
            File.SetUnixFileMode(stream.SafeFileHandle, OwnerOnly); // one left by a crash keeps its mode otherwise
            await JsonSerializer.SerializeAsync(stream, alarms, AlarmBookJson.Default.ListAlarm).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, stateFile, overwrite: true);
    }

    /// <summary>Saves, logging a failure: the alarms in memory still fire, and the next save tries again.</summary>
    private async Task TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AlarmsLog.SaveFailed(logger, stateFile, e.Message);
        }
    }
}
