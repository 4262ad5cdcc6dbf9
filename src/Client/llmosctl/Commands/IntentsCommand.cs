using System.CommandLine;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl intents list</c>: the intent handlers apps have registered that your requests reach.</summary>
internal static class IntentsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the registered intent handlers you can reach (yours and root's; root sees all)");
        CommandRunner.SetAction(list, async (_, client, output, cancellationToken) =>
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
        });

        return new Command("intents", "The intents apps have registered handlers for") { list };
    }
}
