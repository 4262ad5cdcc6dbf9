namespace LlmOs.Engine.Onnx.Tests.Corpus;

/// <summary>The installed apps the corpus's app.open rows name, as .desktop files (the set issue 5's helpers agreed on).</summary>
public static class TestApps
{
    private static readonly (string File, string Name, string? GenericName)[] Apps =
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

    /// <summary>Writes the apps into <paramref name="directory"/>, plus one NoDisplay entry no list may offer.</summary>
    public static void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (file, name, generic) in Apps)
        {
            string genericLine = generic is null ? "" : $"GenericName={generic}\n";
            File.WriteAllText(Path.Combine(directory, file), $"[Desktop Entry]\nType=Application\nName={name}\n{genericLine}Exec={Path.GetFileNameWithoutExtension(file)}\n");
        }

        File.WriteAllText(Path.Combine(directory, "helper.desktop"), "[Desktop Entry]\nType=Application\nName=Background Helper\nNoDisplay=true\nExec=helper\n");
    }
}
