using LlmOs.Engine.Errors;
using LlmOs.Ipc.Errors;

namespace LlmOs.Daemon.Requests;

/// <summary>An engine refusal's wire code (DESIGN.md's vocabulary), the same on the socket, D-Bus and in task records.</summary>
internal static class ErrorCodeMap
{
    public static string Code(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput or ErrorKind.ModelInvalid => ErrorCodes.InvalidInput,
        ErrorKind.UnsupportedMedia => ErrorCodes.UnsupportedMedia,
        ErrorKind.TooLarge => ErrorCodes.TooLarge,
        ErrorKind.ModelNotFound => ErrorCodes.ModelNotFound,
        ErrorKind.NeedsModel => ErrorCodes.NeedsModel,
        ErrorKind.Busy => ErrorCodes.Busy,
        ErrorKind.QuotaExceeded => ErrorCodes.QuotaExceeded,
        ErrorKind.Forbidden => ErrorCodes.Forbidden,
        ErrorKind.Cancelled => ErrorCodes.Cancelled,
        ErrorKind.Unsupported => ErrorCodes.Unsupported,
        _ => ErrorCodes.Internal,
    };
}
