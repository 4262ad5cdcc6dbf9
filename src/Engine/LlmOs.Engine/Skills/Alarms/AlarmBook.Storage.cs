using System.Text.Json;

namespace LlmOs.Engine.Skills.Alarms;

public sealed partial class AlarmBook
{
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
    }

    private void MoveAside(string reason)
    {
        string aside = stateFile + ".bad";
        try
        {
            File.Move(stateFile, aside, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason += $"; moving it aside failed: {e.Message}";
        }

        AlarmsLog.Corrupt(logger, stateFile, reason, aside);
    }

    /// <summary>Writes every alarm to a temporary file and renames it over the book, so a crash never leaves half a file. Under the lock.</summary>
    private void Save()
    {
        string? directory = Path.GetDirectoryName(stateFile);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        string temp = stateFile + ".tmp";
        using (var stream = File.Create(temp))
        {
            JsonSerializer.Serialize(stream, _alarms, AlarmBookJson.Default.ListAlarm);
        }

        File.Move(temp, stateFile, overwrite: true);
    }

    /// <summary>Saves, logging a failure: the alarms in memory still fire, and the next save tries again.</summary>
    private void TrySave()
    {
        try
        {
            Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AlarmsLog.SaveFailed(logger, stateFile, e.Message);
        }
    }
}
