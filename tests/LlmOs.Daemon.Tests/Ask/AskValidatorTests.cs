using System.Text.Json;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Tests.Ask;

/// <summary>The ask task's checks at the boundary: utterance, language, time zone, and what an ask does not take.</summary>
public sealed class AskValidatorTests
{
    private readonly TaskRequestValidator _validator = new(new DaemonSettings { MaxUtteranceChars = 50 });

    private static TaskSubmitRequest Ask(string? utterance, TaskOptions? options = null) =>
        new("ask", new TaskInput(null, Utterance: utterance), options);

    private void Refused(TaskSubmitRequest request, ErrorKind kind, string field)
    {
        var e = Assert.Throws<EngineException>(() => _validator.ValidateAsk(request, 1000, Packs.EnglishAndSpanish));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_plain_ask_gets_the_default_language_the_local_zone_and_interactive_priority()
    {
        var request = _validator.ValidateAsk(Ask("set a timer for ten minutes"), 1000, Packs.EnglishAndSpanish);
        Assert.Equal(1000u, request.CallerUid);
        Assert.Equal("set a timer for ten minutes", request.Utterance);
        Assert.Null(request.Language);
        Assert.Equal(TimeZoneInfo.Local, request.TimeZone);
        Assert.Equal(TaskPriority.Interactive, request.Priority);
    }

    [Fact]
    public void Language_by_code_or_locale_zone_by_iana_id_and_priority_pass_through()
    {
        var request = _validator.ValidateAsk(Ask("pon un temporizador", new TaskOptions(Language: "es_ES.UTF-8", TimeZone: "America/Mexico_City", Priority: "background")), 7, Packs.EnglishAndSpanish);
        Assert.Equal("es_ES.UTF-8", request.Language);
        Assert.Equal("America/Mexico_City", request.TimeZone.Id);
        Assert.Equal(TaskPriority.Background, request.Priority);
        Assert.Equal("line one\nline\ttwo", _validator.ValidateAsk(Ask("line one\nline\ttwo"), 7, Packs.EnglishAndSpanish).Utterance);
    }

    [Theory]
    [InlineData(null, ErrorKind.InvalidInput)]
    [InlineData("", ErrorKind.InvalidInput)]
    [InlineData(" \t\r\n ", ErrorKind.InvalidInput)]
    [InlineData("bell\u0007", ErrorKind.InvalidInput)]
    [InlineData("nul\0byte", ErrorKind.InvalidInput)]
    [InlineData("c1 control \u0085 here", ErrorKind.InvalidInput)]
    [InlineData("this utterance is longer than fifty characters, by a few", ErrorKind.TooLarge)]
    public void A_bad_utterance_is_refused(string? utterance, ErrorKind kind) => Refused(Ask(utterance), kind, "input.utterance");

    [Fact]
    public void A_lone_surrogate_is_refused_as_not_unicode()
    {
        // Built here: xUnit's test-case serialisation would turn a lone surrogate in an attribute into U+FFFD.
        foreach (string utterance in (string[])["lone " + (char)0xD800 + " high", "lone " + (char)0xDC00 + " low", "at the end " + (char)0xD83E])
        {
            Refused(Ask(utterance), ErrorKind.InvalidInput, "input.utterance");
        }
    }

    [Fact]
    public void Emoji_and_other_scripts_pass_whole()
    {
        Assert.Equal("abre 🦊 Firefox, ¿vale? 日本語", _validator.ValidateAsk(Ask("abre 🦊 Firefox, ¿vale? 日本語"), 1, Packs.EnglishAndSpanish).Utterance);
    }

    [Fact]
    public void Unknown_languages_and_zones_are_refused_naming_the_installed_languages()
    {
        var e = Assert.Throws<EngineException>(() => _validator.ValidateAsk(Ask("hi", new TaskOptions(Language: "de_DE")), 1, Packs.EnglishAndSpanish));
        Assert.Equal("options.language", e.Field);
        Assert.EndsWith("installed: en, es", e.Message);
        Refused(Ask("hi", new TaskOptions(Language: "")), ErrorKind.InvalidInput, "options.language");
        Refused(Ask("hi", new TaskOptions(TimeZone: "Europe/Atlantis")), ErrorKind.InvalidInput, "options.time_zone");
        Refused(Ask("hi", new TaskOptions(TimeZone: "/etc/passwd")), ErrorKind.InvalidInput, "options.time_zone");
        Refused(Ask("hi", new TaskOptions(TimeZone: "../../etc/passwd")), ErrorKind.InvalidInput, "options.time_zone");
        Refused(Ask("hi", new TaskOptions(TimeZone: "")), ErrorKind.InvalidInput, "options.time_zone");
    }

    [Fact]
    public void What_an_ask_does_not_take_is_refused()
    {
        Refused(new TaskSubmitRequest("ask", new TaskInput("a prompt", Utterance: "hi")), ErrorKind.InvalidInput, "input");
        Refused(new TaskSubmitRequest("ask", new TaskInput(null, Texts: ["x"], Utterance: "hi")), ErrorKind.InvalidInput, "input");
        Refused(new TaskSubmitRequest("ask", new TaskInput(null, Intent: "timer.set", Utterance: "hi")), ErrorKind.InvalidInput, "input");
        Refused(Ask("hi", new TaskOptions(MaxTokens: 5)), ErrorKind.InvalidInput, "options");
        Refused(Ask("hi", new TaskOptions(KeepAlive: JsonSerializer.SerializeToElement(5))), ErrorKind.InvalidInput, "options");
        Refused(Ask("hi", new TaskOptions(Priority: "now")), ErrorKind.InvalidInput, "options.priority");
        Refused(new TaskSubmitRequest("ask", null), ErrorKind.InvalidInput, "input.utterance");
    }

    [Fact]
    public void The_shortcut_names_its_fields_as_its_body_has_them()
    {
        var e = Assert.Throws<EngineException>(() => _validator.ValidateAsk(Ask(" ", new TaskOptions(Language: "es")), 1, Packs.EnglishAndSpanish, shortcut: true));
        Assert.Equal("utterance", e.Field);
        e = Assert.Throws<EngineException>(() => _validator.ValidateAsk(Ask("hi", new TaskOptions(TimeZone: "Nowhere")), 1, Packs.EnglishAndSpanish, shortcut: true));
        Assert.Equal("time_zone", e.Field);
    }

    [Fact]
    public void The_other_kinds_refuse_the_options_and_input_only_an_ask_takes()
    {
        var generate = Assert.Throws<EngineException>(() => _validator.Validate(new TaskSubmitRequest("generate", new TaskInput("hi"), new TaskOptions(TimeZone: "UTC")), 1));
        Assert.Equal("options.time_zone", generate.Field);
        var image = Assert.Throws<EngineException>(() => _validator.Validate(new TaskSubmitRequest("generate", new TaskInput("hi", Image: "x")), 1));
        Assert.Equal("input.image", image.Field);
        var embed = Assert.Throws<EngineException>(() => _validator.ValidateEmbed(new TaskSubmitRequest("embed", new TaskInput(null, Text: "hi"), new TaskOptions(Language: "en"))));
        Assert.Equal("options.language", embed.Field);
        var intent = Assert.Throws<EngineException>(() => _validator.ValidateIntent(new TaskSubmitRequest("intent", new TaskInput(null, Intent: "a.b"), new TaskOptions(Language: "en")), 1));
        Assert.Equal("options", intent.Field);
    }
}
