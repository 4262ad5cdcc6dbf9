using LlmOs.Engine.Intents;

namespace LlmOs.Engine.Skills.Clock;

/// <summary>
/// <c>time.now</c> and <c>date.today</c>: the caller's clock (<see cref="Understanding.Slots.SlotContext.Now"/> is
/// already in the caller's zone), said with the language's formats for the caller's locale.
/// </summary>
public sealed class ClockSkill : ISkill
{
    public IReadOnlyList<string> Intents { get; } = ["time.now", "date.today"];

    public bool UsesLanguageModel => false;

    public Task<IntentReply> RunAsync(SkillRequest request, CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(request.Context.Now, request.Context.TimeZone);
        var language = request.Language;
        if (request.Invocation.Intent == "date.today")
        {
            return Task.FromResult(new IntentReply(LocaleFormats.Tidy(language.Respond("date.today", ("date", SpokenTime.Date(now, language, request.Locale))))));
        }

        // Some languages say one o'clock apart ("Es la una" against "Son las dos").
        string key = SpokenTime.SpokenHour(now, language, request.Locale) == 1 && language.Responses.ContainsKey("time.now_one") ? "time.now_one" : "time.now";
        return Task.FromResult(new IntentReply(LocaleFormats.Tidy(language.Respond(key, ("time", SpokenTime.Time(now, language, request.Locale))))));
    }
}
