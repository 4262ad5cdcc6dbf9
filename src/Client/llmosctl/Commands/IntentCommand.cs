using System.CommandLine;
using System.Text.Json;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;

namespace LlmOs.Ctl.Commands;

/// <summary>
/// <c>llmosctl intent NAME [--slot name=value ...] [--utterance TEXT]</c>: asks the app that handles the intent and
/// prints its reply, then its action (for the session to carry out) as JSON on a second line; <c>--json</c>: the finished task.
/// </summary>
internal static class IntentCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("intent") { Description = "The intent's dotted name (see 'llmosctl intents list')" };
        var slot = new Option<string[]>("--slot", "-s") { Description = "A slot value, name=value (may be repeated; numbers and true/false are sent as such)" };
        slot.Validators.Add(result =>
        {
            foreach (string argument in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (SlotArguments.Problem(argument) is { } problem)
                {
                    result.AddError(problem);
                }
            }
        });
        var utterance = new Option<string?>("--utterance", "-u") { Description = "The words the user said or typed, for the handler" };

        var command = new Command("intent", "Hand an intent to the app registered for it and print the reply") { name, slot, utterance };
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            var task = await client.InvokeIntentAsync(
                parse.GetValue(name)!,
                SlotArguments.Parse(parse.GetValue(slot)),
                parse.GetValue(utterance),
                cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(task, IpcJsonContext.Default.TaskDto);
                return ExitCodes.Ok;
            }

            Console.Out.WriteLine(task.Result?.Text);
            if (task.Result?.Action is { } action)
            {
                Console.Out.WriteLine(ActionJson(action));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ActionJson(IReadOnlyDictionary<string, JsonElement> action)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in action)
            {
                json.WritePropertyName(key);
                value.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
