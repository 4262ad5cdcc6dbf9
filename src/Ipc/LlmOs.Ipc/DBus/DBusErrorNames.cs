using System.Collections.Frozen;
using LlmOs.Ipc.Errors;

namespace LlmOs.Ipc.DBus;

/// <summary>DESIGN.md's error codes as D-Bus error names, <c>org.llmos.Error.&lt;Code&gt;</c>, both ways.</summary>
public static class DBusErrorNames
{
    public const string Prefix = "org.llmos.Error.";

    private static readonly FrozenDictionary<string, string> ByCode = new Dictionary<string, string>
    {
        [ErrorCodes.InvalidInput] = Prefix + "InvalidInput",
        [ErrorCodes.UnsupportedMedia] = Prefix + "UnsupportedMedia",
        [ErrorCodes.TooLarge] = Prefix + "TooLarge",
        [ErrorCodes.ModelNotFound] = Prefix + "ModelNotFound",
        [ErrorCodes.NeedsModel] = Prefix + "NeedsModel",
        [ErrorCodes.Busy] = Prefix + "Busy",
        [ErrorCodes.QuotaExceeded] = Prefix + "QuotaExceeded",
        [ErrorCodes.Forbidden] = Prefix + "Forbidden",
        [ErrorCodes.Cancelled] = Prefix + "Cancelled",
        [ErrorCodes.Unsupported] = Prefix + "Unsupported",
        [ErrorCodes.Internal] = Prefix + "Internal",
        [ErrorCodes.NotFound] = Prefix + "NotFound",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> ByName = ByCode.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// <summary>The error name of a code; an unknown code is <c>Internal</c>.</summary>
    public static string ForCode(string code) => ByCode.GetValueOrDefault(code) ?? ByCode[ErrorCodes.Internal];

    /// <summary>The code of an error name, or null when it is not one of ours (a bus or peer error).</summary>
    public static string? CodeOf(string errorName) => ByName.GetValueOrDefault(errorName);
}
