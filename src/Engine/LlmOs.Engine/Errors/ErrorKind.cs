namespace LlmOs.Engine.Errors;

/// <summary>
/// Why the engine refused or failed a piece of work. The daemon maps each kind to the
/// stable wire code of DESIGN.md's error vocabulary; the engine itself knows no wire format.
/// </summary>
public enum ErrorKind
{
    InvalidInput,
    UnsupportedMedia,
    TooLarge,
    ModelNotFound,
    NeedsModel,
    ModelInvalid,
    Busy,
    QuotaExceeded,
    Forbidden,
    Cancelled,
    Unsupported,
    Internal,
}
