using System.Globalization;
using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

internal sealed partial class TaskRequestValidator
{
    /// <summary>
    /// Checks an ask request: <c>input.utterance</c> (required, not blank, at most <c>MaxUtteranceChars</c>, no control
    /// characters other than tab and line breaks, valid Unicode), <c>input.image</c> (an image the question is about, in
    /// base64; decoded last, once the rest has passed), <c>options.language</c> (an installed language, by code or
    /// locale), <c>options.time_zone</c> (an IANA id this machine knows; default the daemon's local zone) and
    /// <c>options.priority</c>. Anything else in the input or options is refused, naming the field. For the
    /// <c>POST /v1/ask</c> shortcut (<paramref name="shortcut"/>) the fields are named as its body has them, without
    /// <c>input.</c> and <c>options.</c>.
    /// </summary>
    public AskRequest ValidateAsk(TaskSubmitRequest request, uint callerUid, LanguageCatalog languages, bool shortcut = false)
    {
        string inputPrefix = shortcut ? "" : "input.";
        string optionsPrefix = shortcut ? "" : "options.";
        var input = request.Input ?? throw Invalid("input.utterance", "'input.utterance' is required");
        if (input.Prompt is not null || input.Texts is not null || input.Text is not null || input.Intent is not null || input.Slots is not null)
        {
            throw Invalid("input", "an ask task takes only 'input.utterance' and 'input.image' (use kind \"intent\" to name an intent)");
        }

        string utterance = CheckUtterance(input.Utterance, inputPrefix + "utterance");
        var options = request.Options ?? new TaskOptions();
        if ((options.Model ?? (object?)options.MaxTokens ?? options.Temperature ?? options.TopP ?? options.Seed ?? options.Stop ?? (object?)options.KeepAlive ?? options.Top) is not null)
        {
            throw Invalid("options", "an ask task takes only 'options.language', 'options.time_zone' and 'options.priority'");
        }

        var ask = new AskRequest(
            callerUid,
            utterance,
            CheckLanguage(options.Language, optionsPrefix + "language", languages),
            CheckTimeZone(options.TimeZone, optionsPrefix + "time_zone"))
        {
            Priority = Priority(options.Priority, optionsPrefix + "priority"),
        };
        return input.Image is { } image ? ask with { Image = DecodeImage(image, inputPrefix + "image") } : ask;
    }

    /// <summary>
    /// The utterance as the engine gets it. Control characters are refused rather than stripped: a client that sends
    /// a NUL or an escape sequence has a bug worth hearing about, and stripping would change what was asked. Tabs and
    /// line breaks are ordinary white space in pasted text and pass.
    /// </summary>
    public string CheckUtterance(string? utterance, string field)
    {
        if (utterance is null)
        {
            throw Invalid(field, $"'{field}' is required");
        }

        if (utterance.Length > settings.MaxUtteranceChars)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the utterance has {utterance.Length} characters; the limit is {settings.MaxUtteranceChars}", field);
        }

        if (string.IsNullOrWhiteSpace(utterance))
        {
            throw Invalid(field, $"'{field}' is empty: say what you want");
        }

        for (int i = 0; i < utterance.Length; i++)
        {
            char c = utterance[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                throw Invalid(field, $"'{field}' holds a control character (U+{(int)c:X4}) at {i}; send plain text");
            }
        }

        if (!utterance.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return utterance;
        }

        // Only JSON escapes (\uD800) can carry a lone surrogate this far: raw bytes that are not UTF-8 fail in the JSON reader.
        return IsWellFormed(utterance)
            ? utterance
            : throw Invalid(field, $"'{field}' is not valid Unicode (a lone surrogate)");
    }

    /// <summary>The language as given (the engine resolves code or locale); null when none was given.</summary>
    public static string? CheckLanguage(string? language, string field, LanguageCatalog languages)
    {
        if (language is null)
        {
            return null;
        }

        if (language.Length is 0 or > 64 || !languages.Has(language))
        {
            string installed = string.Join(", ", languages.Packs.Select(p => p.Code).Order(StringComparer.Ordinal));
            throw Invalid(field, $"no language pack for '{Shorten(language)}'; installed: {installed}");
        }

        return language;
    }

    /// <summary>An IANA time zone id this machine knows (its tz database); the daemon's local zone when none is given.</summary>
    public static TimeZoneInfo CheckTimeZone(string? timeZone, string field)
    {
        if (timeZone is null)
        {
            return TimeZoneInfo.Local;
        }

        // Paths are not ids: "../../etc/passwd" must not reach the tz loader (it reads files under /usr/share/zoneinfo).
        if (timeZone.Length is 0 or > 64 || timeZone.Contains("..", StringComparison.Ordinal) || timeZone.StartsWith('/')
            || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            throw Invalid(field, $"unknown time zone '{Shorten(timeZone)}'; give an IANA id such as \"Europe/Madrid\" or \"UTC\"");
        }

        return zone;
    }

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string value) =>
        value.Length <= 40 ? value : string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, 40)}…");
}
