namespace LlmOs.Engine.Speech;

/// <summary>
/// What llmosd accepts as audio, from its configuration: bytes are checked before decoding, the duration from the
/// header before the samples are read (a header that announces two hours is refused without reading them). Over
/// either limit is <see cref="Errors.ErrorKind.TooLarge"/>.
/// </summary>
public sealed record AudioLimits
{
    public long MaxBytes { get; init; } = 25L * 1024 * 1024;

    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);
}
