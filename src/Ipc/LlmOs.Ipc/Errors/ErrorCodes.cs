namespace LlmOs.Ipc.Errors;

/// <summary>DESIGN.md's error vocabulary: the same stable codes on the socket, D-Bus and the CLI.</summary>
public static class ErrorCodes
{
    public const string InvalidInput = "invalid_input";
    public const string UnsupportedMedia = "unsupported_media";
    public const string TooLarge = "too_large";
    public const string ModelNotFound = "model_not_found";
    public const string NeedsModel = "needs_model";
    public const string Busy = "busy";
    public const string QuotaExceeded = "quota_exceeded";
    public const string Forbidden = "forbidden";
    public const string Cancelled = "cancelled";
    public const string Unsupported = "unsupported";
    public const string Internal = "internal";
    public const string NotFound = "not_found";
}
