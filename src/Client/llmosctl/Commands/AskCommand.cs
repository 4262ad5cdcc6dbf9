using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;

namespace LlmOs.Ctl.Commands;

/// <summary>
/// <c>llmosctl ask "…"</c> (with <c>--image FILE</c>: about that image): llmosd understands the words and acts. Prints the reply, then a line for the action the
/// session should carry out (<c>action: app.open firefox.desktop</c>); <c>--explain</c> adds each recogniser's
/// candidates; <c>--json</c> prints the result object: always intent, slots, confidence, handler, text and action (null
/// when there is none), then explain with <c>--explain</c>.
/// </summary>
internal static class AskCommand
{
    /// <summary>
    /// The wire's contract with one change: <c>action</c> is written as null rather than left out, so that a script finds
    /// the same six fields in every answer. A modifier on the source-generated contract, not a second DTO to keep in step.
    /// </summary>
    internal static readonly JsonTypeInfo<AskResultDto> ResultObject = (JsonTypeInfo<AskResultDto>)new JsonSerializerOptions(IpcJsonContext.Default.Options)
    {
        TypeInfoResolver = IpcJsonContext.Default.WithAddedModifier(static type =>
        {
            if (type.Type == typeof(AskResultDto))
            {
                type.Properties.Single(p => p.Name == "action").ShouldSerialize = static (_, _) => true;
            }
        }),
    }.GetTypeInfo(typeof(AskResultDto));

    public static Command Create()
    {
        var utterance = new Argument<string>("utterance") { Description = "What you want, in words: \"set a timer for ten minutes\"" };
        var explain = new Option<bool>("--explain") { Description = "Show each recogniser's candidates and scores" };
        var language = new Option<string?>("--language", "-l") { Description = "The utterance's language (default: from LC_ALL/LANG)" };
        var timeZone = new Option<string?>("--time-zone") { Description = "Your time zone, an IANA id (default: this machine's)" };
        var image = new Option<string?>("--image") { Description = $"An image the request is about ({ImageFile.Formats}): \"what is in this picture?\", \"read the text in this image\"", HelpName = "FILE" };

        var command = new Command("ask", "Ask llmosd in words; it works out what you want and does it") { utterance, explain, language, timeZone, image };
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            var picture = parse.GetValue(image) is { } imagePath ? ImageFile.Open(imagePath) : null;
            string? givenLanguage = parse.GetValue(language);
            var request = new AskRequestDto(
                parse.GetValue(utterance),
                givenLanguage ?? AskerLocale.Language(Environment.GetEnvironmentVariable),
                parse.GetValue(timeZone) ?? AskerLocale.TimeZone(),
                parse.GetValue(explain));
            var result = await AskerLocale.WithLanguageFallbackAsync(
                request,
                givenLanguage is not null,
                r => client.Transport.AskAsync(r, picture, cancellationToken)).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(result with { Explain = parse.GetValue(explain) ? result.Explain : null }, ResultObject);
                return ExitCodes.Ok;
            }

            if (result.Explain is { } stages)
            {
                WriteStages(stages);
            }

            Console.Out.WriteLine(result.Text);
            if (result.Action is { Count: > 0 } action)
            {
                Console.Out.WriteLine(ActionLine(action));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"action: app.open firefox.desktop": the type, then the other values in order.</summary>
    internal static string ActionLine(IReadOnlyDictionary<string, JsonElement> action)
    {
        string type = action.TryGetValue("type", out var t) ? Text(t) : "?";
        var rest = action.Where(p => p.Key != "type").Select(p => action.Count == 2 ? Text(p.Value) : $"{p.Key}={Text(p.Value)}");
        return string.Join(' ', ["action:", type, .. rest]);
    }

    /// <summary>Each stage, then its candidates best first, with scores and slots; to stderr-free stdout before the reply.</summary>
    internal static void WriteStages(IReadOnlyList<RecognizerStageDto> stages)
    {
        foreach (var stage in stages)
        {
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{stage.Recognizer} ({stage.ElapsedMs:0.###} ms){(stage.Decided ? ": decided" : "")}"));
            if (stage.Candidates.Count == 0)
            {
                Console.Out.WriteLine("  (no candidates)");
            }

            foreach (var candidate in stage.Candidates)
            {
                string slots = candidate.Slots.Count == 0 ? "" : " " + string.Join(' ', candidate.Slots.Select(s => $"{s.Key}={Text(s.Value)}"));
                string evidence = candidate.Evidence is { Length: > 0 } e ? $"  ← {e}" : "";
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {candidate.Confidence:0.000} {candidate.Intent}{slots}{evidence}"));
            }
        }
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
