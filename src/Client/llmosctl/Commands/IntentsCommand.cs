using System.CommandLine;
using System.Globalization;
using LlmOs.Client;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;
using LlmOs.Ipc.Ask;
using LlmOs.Ipc.Errors;

namespace LlmOs.Ctl.Commands;

/// <summary>
/// <c>llmosctl intents list|show NAME|test "utterance"|handlers</c>: the intents your utterances can reach (built-ins
/// and apps'), one in detail, what an utterance would be recognised as, and the app handlers registered.
/// </summary>
internal static class IntentsCommand
{
    public static Command Create()
    {
        var language = new Option<string?>("--language", "-l") { Description = "The language (default: from LC_ALL/LANG)" };

        var list = new Command("list", "List the intents your utterances can reach: built-ins, then apps'") { language };
        CommandRunner.SetAction(list, async (parse, client, output, cancellationToken) =>
        {
            var catalog = await CatalogAsync(client, parse.GetValue(language), cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(catalog, IpcJsonContext.Default.IntentCatalogResponse);
                return ExitCodes.Ok;
            }

            Console.WriteLine($"{"INTENT",-28} {"SOURCE",-8} {"SLOTS",-36} DESCRIPTION");
            foreach (var intent in catalog.Intents)
            {
                Console.WriteLine($"{intent.Name,-28} {intent.Source,-8} {Slots(intent),-36} {intent.Description}");
            }

            return ExitCodes.Ok;
        });

        var name = new Argument<string>("intent") { Description = "The intent's name (see 'llmosctl intents list')" };
        var show = new Command("show", "Show one intent: its slots, sentence templates and examples") { name, language };
        CommandRunner.SetAction(show, async (parse, client, output, cancellationToken) =>
        {
            var catalog = await CatalogAsync(client, parse.GetValue(language), cancellationToken).ConfigureAwait(false);
            var found = catalog.Intents.Where(i => i.Name == parse.GetValue(name)).ToList();
            if (found.Count == 0)
            {
                output.Error(ErrorCodes.NotFound, $"no intent '{parse.GetValue(name)}' is known in '{catalog.Language}'; see 'llmosctl intents list'");
                return ExitCodes.TaskFailed;
            }

            if (output.IsJson)
            {
                Output.Json(new IntentCatalogResponse(catalog.Language, found), IpcJsonContext.Default.IntentCatalogResponse);
                return ExitCodes.Ok;
            }

            foreach (var intent in found)
            {
                Console.WriteLine($"{intent.Name} ({intent.Source}{(intent.Handler is { } h ? ": " + h : "")})");
                if (intent.Description is { Length: > 0 } description)
                {
                    Console.WriteLine($"  {description}");
                }

                Console.WriteLine($"  slots: {Slots(intent)}");
                WriteList("templates", intent.Templates);
                WriteList("examples", intent.Examples);
            }

            return ExitCodes.Ok;
        });

        var utterance = new Argument<string>("utterance") { Description = "The words to recognise" };
        var timeZone = new Option<string?>("--time-zone") { Description = "Your time zone, an IANA id (default: this machine's)" };
        var test = new Command("test", "Show what an utterance would be recognised as, running nothing") { utterance, language, timeZone };
        CommandRunner.SetAction(test, async (parse, client, output, cancellationToken) =>
        {
            string? givenLanguage = parse.GetValue(language);
            var request = new AskRequestDto(
                parse.GetValue(utterance),
                givenLanguage ?? AskerLocale.Language(Environment.GetEnvironmentVariable),
                parse.GetValue(timeZone) ?? AskerLocale.TimeZone());
            var result = await AskerLocale.WithLanguageFallbackAsync(
                request,
                givenLanguage is not null,
                r => client.Transport.TestUtteranceAsync(r, cancellationToken)).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(result, IpcJsonContext.Default.IntentTestResponse);
                return ExitCodes.Ok;
            }

            string slots = string.Join(' ', result.Slots.Select(s => $"{s.Key}={s.Value}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Intent} {result.Confidence:0.000} by {result.Recognizer}{(slots.Length > 0 ? " " + slots : "")}"));
            AskCommand.WriteStages(result.Explain);
            return ExitCodes.Ok;
        });

        var handlers = new Command("handlers", "List the registered app intent handlers you can reach (yours and root's; root sees all)");
        CommandRunner.SetAction(handlers, ListHandlersAsync);

        return new Command("intents", "The intents llmosd understands, and the apps that handle theirs") { list, show, test, handlers };
    }

    private static Task<IntentCatalogResponse> CatalogAsync(LlmosClient client, string? language, CancellationToken cancellationToken) =>
        AskerLocale.WithLanguageFallbackAsync(
            new AskRequestDto(null, language ?? AskerLocale.Language(Environment.GetEnvironmentVariable)),
            language is not null,
            r => client.GetIntentCatalogAsync(r.Language, cancellationToken));

    private static string Slots(CatalogIntentDto intent) =>
        intent.Slots.Count == 0 ? "-" : string.Join(',', intent.Slots.Select(p => $"{p.Key}:{p.Value}"));

    private static void WriteList(string title, IReadOnlyList<string> lines)
    {
        Console.WriteLine($"  {title}:{(lines.Count == 0 ? " -" : "")}");
        foreach (string line in lines)
        {
            Console.WriteLine($"    {line}");
        }
    }

    private static async Task<int> ListHandlersAsync(ParseResult parse, LlmosClient client, Output output, CancellationToken cancellationToken)
    {
        var intents = await client.Transport.ListIntentsAsync(cancellationToken).ConfigureAwait(false);
        if (output.IsJson)
        {
            Output.Json(intents, IpcJsonContext.Default.IntentListResponse);
            return ExitCodes.Ok;
        }

        if (intents.Registrations.Count == 0)
        {
            Console.WriteLine("no intent handlers are registered");
            return ExitCodes.Ok;
        }

        Console.WriteLine($"{"INTENT",-32} {"UID",6} {"SLOTS",-24} HANDLER");
        foreach (var registration in intents.Registrations)
        {
            foreach (var intent in registration.Intents)
            {
                string slots = intent.Slots is { Count: > 0 } s ? string.Join(',', s.Select(p => $"{p.Key}:{p.Value}")) : "-";
                Console.WriteLine($"{intent.Name,-32} {registration.OwnerUid,6} {slots,-24} {registration.Handler}");
                foreach (var example in intent.Examples ?? [])
                {
                    Console.WriteLine($"    \"{example}\"");
                }
            }
        }

        return ExitCodes.Ok;
    }
}
