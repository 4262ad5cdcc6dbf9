using LlmOs.Client;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Errors;

namespace LlmOs.Ctl.Cli;

/// <summary>
/// The language and time zone of the person at this terminal, which llmosctl sends with an ask unless told otherwise:
/// the locale from <c>LC_ALL</c>, else <c>LANG</c> (none for <c>C</c> and <c>POSIX</c>, which name no language), and
/// the local zone's IANA id, read from <c>/etc/timezone</c> or the <c>/etc/localtime</c> link when .NET only knows it as "Local".
/// </summary>
internal static class AskerLocale
{
    public static string? Language(Func<string, string?> environment)
    {
        string? locale = environment("LC_ALL") is { Length: > 0 } all ? all : environment("LANG");
        if (string.IsNullOrEmpty(locale))
        {
            return null;
        }

        string code = locale.Split('_', '-', '.', '@')[0];
        return code is "C" or "POSIX" || code.Length == 0 ? null : locale;
    }

    public static string? TimeZone()
    {
        string id = TimeZoneInfo.Local.Id;
        if (id.Length > 0 && id != "Local" && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            return id;
        }

        try
        {
            if (File.Exists("/etc/timezone") && File.ReadAllText("/etc/timezone").Trim() is { Length: > 0 } named)
            {
                return named;
            }

            // /etc/localtime -> /usr/share/zoneinfo/Europe/Madrid
            if (new FileInfo("/etc/localtime").LinkTarget is { } target && target.IndexOf("zoneinfo/", StringComparison.Ordinal) is int at and >= 0)
            {
                return target[(at + "zoneinfo/".Length)..];
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null; // llmosd uses its own zone
    }

    /// <summary>
    /// Runs <paramref name="call"/> with the request; when the language came from the environment (not <c>--language</c>)
    /// and llmosd has no pack for it, says so on stderr and asks again in llmosd's default language, as a person whose
    /// desktop is in a language the assistant does not speak would still expect an answer.
    /// </summary>
    public static async Task<T> WithLanguageFallbackAsync<T>(AskRequestDto request, bool languageGiven, Func<AskRequestDto, Task<T>> call)
    {
        try
        {
            return await call(request).ConfigureAwait(false);
        }
        catch (LlmosException e) when (!languageGiven && request.Language is not null && e.Code == ErrorCodes.InvalidInput
            && (e.Field is "language" or "options.language" || e.Message.StartsWith("no language pack", StringComparison.Ordinal)))
        {
            await Console.Error.WriteLineAsync($"llmosctl: {e.Message}; asking in llmosd's default language").ConfigureAwait(false);
            return await call(request with { Language = null }).ConfigureAwait(false);
        }
    }
}
