using LlmOs.Engine.Understanding.Slots;
using static LlmOs.Engine.Tests.Slots.SlotLanguages;

namespace LlmOs.Engine.Tests.Slots;

public sealed class ListParserTests
{
    private static readonly IListSource Apps = new AppList(
    [
        new("firefox", "firefox.desktop", "Firefox"),
        new("web browser", "firefox.desktop", "Firefox"),
        new("text editor", "org.gnome.TextEditor.desktop", "Text Editor"),
        new("text", "text.desktop", "Text"),
        new("libreoffice writer", "libreoffice-writer.desktop", "LibreOffice Writer"),
        new("vlc media player", "vlc.desktop", "VLC media player"),
        new("files", "org.gnome.Nautilus.desktop", "Files"),
    ]);

    [Theory]
    [InlineData("en", "list:app", "firefox", "firefox.desktop")]
    [InlineData("en", "list:app", "Firefox's", "firefox.desktop")]
    [InlineData("en", "list:app", "the web browser", null)]
    [InlineData("en", "list:app", "web browsers", "firefox.desktop")]
    [InlineData("en", "list:app", "text editor", "org.gnome.TextEditor.desktop")]
    [InlineData("en", "list:app", "LibreOffice Writer", "libreoffice-writer.desktop")]
    [InlineData("en", "list:app", "vlc media player", "vlc.desktop")]
    [InlineData("en", "list:app", "files", "org.gnome.Nautilus.desktop")]
    [InlineData("en", "list:language", "french", "fr")]
    [InlineData("en", "list:language", "brazilian portuguese", "pt-BR")]
    [InlineData("en", "list:direction", "louder", "up")]
    [InlineData("es", "list:language", "french", "fr")]
    public void An_entry_reads_as_its_value(string language, string type, string text, string? expected) =>
        Assert.Equal(expected, Whole(type, text, Context(language, lists: Apps)));

    [Fact]
    public void The_longest_entry_comes_first_then_shorter_ones()
    {
        var readings = Parse("list:app", "text editor please now", Context(lists: Apps));

        Assert.Equal([(2, "org.gnome.TextEditor.desktop"), (1, "text.desktop")], readings.Select(r => (r.Length, (string)r.Value)));
    }

    [Theory]
    [InlineData("list:app", "chrome")]
    [InlineData("list:app", "vlc media")]
    [InlineData("list:nothing", "firefox")]
    public void Words_not_in_the_list_read_nothing(string type, string text) =>
        Assert.Empty(Parse(type, text, Context(lists: Apps)));

    private sealed class AppList(IReadOnlyList<ListEntry> apps) : IListSource
    {
        public IReadOnlyList<ListEntry>? Find(string name, string language) => name == "app" ? apps : null;
    }
}
