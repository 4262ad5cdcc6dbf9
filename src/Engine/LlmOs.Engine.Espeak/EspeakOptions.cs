namespace LlmOs.Engine.Espeak;

public sealed class EspeakOptions
{
    /// <summary>The espeak-ng-data folder; null: the library's own (ESPEAK_DATA_PATH, then Debian's).</summary>
    public string? DataPath { get; init; }

    /// <summary>The voice used when a request names none.</summary>
    public string DefaultVoice { get; init; } = "en-us";
}
