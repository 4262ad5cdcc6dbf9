namespace LlmOs.Integration.Tests.Ask;

/// <summary>
/// The test apps of issue 5 as <c>.desktop</c> files in <c>&lt;root&gt;/applications</c>, for a daemon started with
/// <c>XDG_DATA_DIRS=&lt;root&gt;</c>, plus one hidden and one that is no application, which must not be offered.
/// </summary>
public static class DesktopFiles
{
    private static readonly (string File, string Name, string? Generic)[] Apps =
    [
        ("firefox.desktop", "Firefox", "Web Browser"),
        ("org.gnome.Terminal.desktop", "Terminal", null),
        ("org.gnome.Nautilus.desktop", "Files", "File Manager"),
        ("org.gnome.TextEditor.desktop", "Text Editor", null),
        ("org.gnome.Calculator.desktop", "Calculator", null),
        ("org.gnome.Settings.desktop", "Settings", null),
        ("libreoffice-writer.desktop", "LibreOffice Writer", "Word Processor"),
        ("thunderbird.desktop", "Thunderbird", "Mail Client"),
        ("vlc.desktop", "VLC media player", "Media Player"),
    ];

    public static void Write(string root)
    {
        string dir = Path.Combine(root, "applications");
        Directory.CreateDirectory(dir);
        foreach (var (file, name, generic) in Apps)
        {
            File.WriteAllText(
                Path.Combine(dir, file),
                $"[Desktop Entry]\nType=Application\nName={name}\n{(generic is null ? "" : $"GenericName={generic}\n")}Exec={file.Replace(".desktop", "", StringComparison.Ordinal)}\n");
        }

        File.WriteAllText(Path.Combine(dir, "secret-helper.desktop"), "[Desktop Entry]\nType=Application\nName=Secret Helper\nNoDisplay=true\nExec=helper\n");
        File.WriteAllText(Path.Combine(dir, "website.desktop"), "[Desktop Entry]\nType=Link\nName=Website\nURL=http://localhost/\n");
    }
}
