using LlmOs.Engine.Understanding.Slots;

namespace LlmOs.Engine.Skills.Desktop;

/// <summary>PLACEHOLDER (issue 5, skills helper): the installed apps from the .desktop files, as the slot list <c>app</c>.</summary>
public sealed class DesktopApps(IReadOnlyList<string> applicationDirectories) : IListSource
{
    public const string ListName = "app";

    public IReadOnlyList<string> Directories => applicationDirectories;

    public IReadOnlyList<ListEntry>? Find(string name, string language) => null;
}
