using System.CommandLine;
using System.Globalization;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl embed TEXT...</c>: one line per text with its vector's size and first values, or the finished task as JSON.</summary>
internal static class EmbedCommand
{
    private const int ValuesShown = 6;

    public static Command Create()
    {
        var texts = new Argument<string[]>("text") { Description = "The texts to embed (one vector each)", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string?>("--model", "-m") { Description = "Embedding model name (default: the built-in all-minilm-l6-v2)" };

        var command = new Command("embed", "Turn texts into sentence-embedding vectors") { texts, model };
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            var task = await client.EmbedTaskAsync(parse.GetValue(texts)!, parse.GetValue(model), cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(task, IpcJsonContext.Default.TaskDto);
                return ExitCodes.Ok;
            }

            foreach (var vector in task.Result?.Embeddings ?? [])
            {
                string values = string.Join(' ', vector.Take(ValuesShown).Select(v => v.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)));
                Console.Out.WriteLine($"{vector.Length} dims: {values}{(vector.Length > ValuesShown ? " ..." : "")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
