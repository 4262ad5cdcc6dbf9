using LlmOs.Engine.Skills.Desktop;

namespace LlmOs.Engine.Tests.Skills;

public sealed class DesktopAppsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ManualTimeProvider _time = new();

    public DesktopAppsTests()
    {
        Write("system", "firefox.desktop", "Firefox", "GenericName=Web Browser\nGenericName[es]=Navegador web\nName[es]=Firefox");
        Write("system", "org.gnome.Terminal.desktop", "Terminal", "Name[es]=Terminal");
        Write("system", "org.gnome.Nautilus.desktop", "Files", "GenericName=File Manager\nName[es]=Archivos\nName[es_MX]=Archivos MX");
        Write("system", "org.gnome.TextEditor.desktop", "Text Editor");
        Write("system", "org.gnome.Calculator.desktop", "Calculator", "Name[es]=Calculadora");
        Write("system", "org.gnome.Settings.desktop", "Settings");
        Write("system", "libreoffice-writer.desktop", "LibreOffice Writer", "GenericName=Word Processor");
        Write("system", "thunderbird.desktop", "Thunderbird", "GenericName=Mail Client");
        Write("system", "vlc.desktop", "VLC media player", "GenericName=Media Player");
        Write("system", "mimeinfo-helper.desktop", "Helper", "NoDisplay=true");
        Write("system", "gone.desktop", "Gone", "Hidden=true");
        Write("system", "website.desktop", "Website", type: "Link");
        File.WriteAllText(_temp.Combine("system", "broken.desktop"), "[Desktop Entry]\nType=Application\n");
        File.WriteAllText(_temp.Combine("system", "readme.txt"), "not a desktop file");
    }

    public void Dispose() => _temp.Dispose();

    private void Write(string directory, string id, string name, string extra = "", string type = "Application")
    {
        Directory.CreateDirectory(_temp.Combine(directory));
        File.WriteAllText(
            _temp.Combine(directory, id),
            $"# {name}\n[Desktop Entry]\nType={type}\nName={name}\nExec={name.ToLowerInvariant()} %U\n{extra}\n\n[Desktop Action new-window]\nName=New Window\n");
    }

    private DesktopApps Apps(params string[] directories) => new([.. directories.Select(d => _temp.Combine(d))], _time);

    private static string? ValueOf(IReadOnlyList<Understanding.Slots.ListEntry> list, string spoken) =>
        list.FirstOrDefault(e => e.Spoken == spoken)?.Value;

    [Theory]
    [InlineData("firefox", "firefox.desktop")]
    [InlineData("web browser", "firefox.desktop")]
    [InlineData("terminal", "org.gnome.Terminal.desktop")]
    [InlineData("files", "org.gnome.Nautilus.desktop")]
    [InlineData("file manager", "org.gnome.Nautilus.desktop")]
    [InlineData("nautilus", "org.gnome.Nautilus.desktop")]
    [InlineData("text editor", "org.gnome.TextEditor.desktop")]
    [InlineData("calculator", "org.gnome.Calculator.desktop")]
    [InlineData("settings", "org.gnome.Settings.desktop")]
    [InlineData("libreoffice writer", "libreoffice-writer.desktop")]
    [InlineData("word processor", "libreoffice-writer.desktop")]
    [InlineData("thunderbird", "thunderbird.desktop")]
    [InlineData("mail client", "thunderbird.desktop")]
    [InlineData("vlc media player", "vlc.desktop")]
    [InlineData("vlc", "vlc.desktop")]
    [InlineData("media player", "vlc.desktop")]
    public void The_app_list_says_apps_by_name_generic_name_and_id(string spoken, string desktopId)
    {
        var list = Apps("system").Find(DesktopApps.ListName, "en")!;
        Assert.Equal(desktopId, ValueOf(list, spoken));
    }

    [Fact]
    public void Hidden_undisplayed_non_applications_and_nameless_files_are_left_out_and_other_lists_are_not_ours()
    {
        var apps = Apps("system");
        var list = apps.Find(DesktopApps.ListName, "en")!;
        Assert.Equal(9, apps.Apps.Count);
        Assert.DoesNotContain(list, e => e.Value is "mimeinfo-helper.desktop" or "gone.desktop" or "website.desktop" or "broken.desktop");
        Assert.Equal("Firefox", list.First(e => e.Value == "firefox.desktop").Label);
        Assert.Null(apps.Find("language", "en"));
    }

    [Fact]
    public void Spanish_takes_the_translated_names_and_still_knows_the_english_ones()
    {
        var list = Apps("system").Find(DesktopApps.ListName, "es")!;
        Assert.Equal("org.gnome.Nautilus.desktop", ValueOf(list, "archivos"));
        Assert.Equal("org.gnome.Nautilus.desktop", ValueOf(list, "files"));
        Assert.Equal("firefox.desktop", ValueOf(list, "navegador web"));
        Assert.All(list.Where(e => e.Value == "org.gnome.Nautilus.desktop"), e => Assert.Equal("Archivos", e.Label));
    }

    [Fact]
    public void The_first_directory_wins_a_desktop_id_so_a_user_s_hidden_copy_hides_the_system_app()
    {
        Write("user", "vlc.desktop", "VLC", "Hidden=true");
        Write("user", "firefox.desktop", "Firefox Nightly");
        var apps = Apps("user", "system", "missing");
        Assert.False(apps.Apps.ContainsKey("vlc.desktop"));
        Assert.Equal("Firefox Nightly", apps.Label("firefox.desktop", "en"));
    }

    [Fact]
    public void A_newly_installed_app_appears_after_the_check_interval()
    {
        var apps = Apps("system");
        Assert.Null(apps.Label("org.gnome.Maps.desktop", "en"));
        Write("system", "org.gnome.Maps.desktop", "Maps");
        Directory.SetLastWriteTimeUtc(_temp.Combine("system"), DateTime.UtcNow.AddMinutes(1)); // coarse file systems
        Assert.Null(apps.Label("org.gnome.Maps.desktop", "en"));
        _time.Advance(DesktopApps.CheckInterval);
        Assert.Equal("Maps", apps.Label("org.gnome.Maps.desktop", "en"));
        Assert.Equal("org.gnome.Maps.desktop", ValueOf(apps.Find(DesktopApps.ListName, "en")!, "maps"));
    }

    [Fact]
    public async Task App_open_acts_with_the_desktop_id_and_says_the_name()
    {
        var skill = new AppOpenSkill(Apps("system"));
        var reply = await SkillRequests.RunAsync(skill, SkillRequests.For("app.open", new() { ["app"] = "firefox.desktop" }));
        Assert.Equal("Opening Firefox.", reply.Text);
        Assert.Equal(new Dictionary<string, object> { ["type"] = "app.open", ["desktop_id"] = "firefox.desktop" }, reply.Action);

        var spanish = await SkillRequests.RunAsync(skill, SkillRequests.For("app.open", new() { ["app"] = "org.gnome.Nautilus.desktop" }, SkillLanguages.Spanish));
        Assert.Equal("Abriendo Archivos.", spanish.Text);
    }

    [Fact]
    public async Task App_open_of_an_app_that_is_not_installed_says_so_without_an_action()
    {
        var skill = new AppOpenSkill(Apps("system"));
        var missing = await SkillRequests.RunAsync(skill, SkillRequests.For("app.open", new() { ["app"] = "gimp.desktop" }));
        Assert.Equal(("gimp isn't installed.", null), (missing.Text, missing.Action));
        var hidden = await SkillRequests.RunAsync(skill, SkillRequests.For("app.open", new() { ["app"] = "gone.desktop" }));
        Assert.Null(hidden.Action);
        var none = await SkillRequests.RunAsync(skill, SkillRequests.For("app.open"));
        Assert.Equal(("Which app should I open?", null), (none.Text, none.Action));
    }
}
