using System.Text;
using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Skills.Desktop;

/// <summary>
/// The installed apps from the <c>.desktop</c> files of the application directories, as the slot list <c>app</c>:
/// spoken as their lower-cased Name, GenericName ("web browser") and desktop id stem, valued by desktop id, labelled
/// by Name, in the asked language where the file translates it. Directories come most important first (XDG order:
/// <c>$XDG_DATA_HOME/applications</c>, then each of <c>$XDG_DATA_DIRS</c>), and the first file of a desktop id wins,
/// so a user's copy (even a Hidden one) overrides the system's. Rescans when a directory's modification time changed,
/// checking at most every <see cref="CheckInterval"/>. Thread-safe.
/// </summary>
public sealed class DesktopApps : IListSource
{
    public const string ListName = "app";

    /// <summary>How often at most the directories' modification times are looked at.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(3);

    private readonly IReadOnlyList<string> _directories;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _checkedAt;
    private bool _scanned;
    private string _signature = "";
    private IReadOnlyDictionary<string, DesktopEntry> _apps = new Dictionary<string, DesktopEntry>();
    private Dictionary<string, IReadOnlyList<ListEntry>> _lists = [];

    public DesktopApps(IReadOnlyList<string> applicationDirectories)
        : this(applicationDirectories, TimeProvider.System)
    {
    }

    public DesktopApps(IReadOnlyList<string> applicationDirectories, TimeProvider time)
    {
        _directories = applicationDirectories;
        _time = time;
    }

    public IReadOnlyList<string> Directories => _directories;

    /// <summary>The shown applications by desktop id.</summary>
    public IReadOnlyDictionary<string, DesktopEntry> Apps
    {
        get
        {
            lock (_gate)
            {
                Refresh();
                return _apps;
            }
        }
    }

    /// <summary>The entries of list <c>app</c> in <paramref name="language"/>; null for any other list.</summary>
    public IReadOnlyList<ListEntry>? Find(string name, string language)
    {
        if (name != ListName)
        {
            return null;
        }

        lock (_gate)
        {
            Refresh();
            if (!_lists.TryGetValue(language, out var list))
            {
                list = DesktopAppList.Build(_apps.Values, language);
                _lists[language] = list;
            }

            return list;
        }
    }

    /// <summary>A shown app's name in <paramref name="language"/> ("Firefox"), or null when no such app is installed.</summary>
    public string? Label(string desktopId, string language) => Apps.TryGetValue(desktopId, out var app) ? app.NameIn(language) : null;

    private void Refresh()
    {
        long now = _time.GetTimestamp();
        if (_scanned && _time.GetElapsedTime(_checkedAt, now) < CheckInterval)
        {
            return;
        }

        _checkedAt = now;
        string signature = Signature();
        if (_scanned && signature == _signature)
        {
            return;
        }

        _scanned = true;
        _signature = signature;
        _apps = Scan();
        _lists = [];
    }

    /// <summary>Each directory's modification time (or its absence): creating, removing or renaming a file changes it.</summary>
    private string Signature()
    {
        var text = new StringBuilder();
        foreach (string directory in _directories)
        {
            text.Append(Directory.Exists(directory) ? Directory.GetLastWriteTimeUtc(directory).Ticks : -1).Append('|');
        }

        return text.ToString();
    }

    private Dictionary<string, DesktopEntry> Scan()
    {
        var seen = new Dictionary<string, DesktopEntry?>(StringComparer.Ordinal);
        foreach (string directory in _directories)
        {
            foreach (var (id, path) in DesktopFiles(directory))
            {
                if (!seen.ContainsKey(id))
                {
                    seen[id] = ReadFile(id, path); // an unreadable file still claims its id
                }
            }
        }

        return seen.Where(p => p.Value is { IsShownApplication: true }).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
    }

    /// <summary>The desktop files under a directory with their ids: <c>kde/foo.desktop</c> is <c>kde-foo.desktop</c> (the spec's rule).</summary>
    private static List<(string Id, string Path)> DesktopFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 4 };
        try
        {
            return Directory.EnumerateFiles(directory, "*.desktop", options)
                .Select(path => (Path.GetRelativePath(directory, path).Replace('/', '-'), path))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static DesktopEntry? ReadFile(string id, string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > DesktopEntryReader.MaxFileBytes)
            {
                return null;
            }

            using var reader = new StreamReader(path, Encoding.UTF8);
            return DesktopEntryReader.Read(id, reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
