using System.CommandLine;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl generate "PROMPT"</c>: prints the continuation as it streams; Ctrl-C cancels the task on the daemon.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var prompt = new Argument<string>("prompt") { Description = "The text to continue" };
        var model = new Option<string?>("--model", "-m") { Description = "Model name (default: the daemon's default model)" };
        var maxTokens = new Option<int?>("--max-tokens", "-n") { Description = "Most tokens to generate" };
        var temperature = new Option<float?>("--temperature", "-t") { Description = "0 = greedy (deterministic), up to 2" };
        var topP = new Option<float?>("--top-p") { Description = "Nucleus sampling mass, (0, 1]" };
        var seed = new Option<uint?>("--seed") { Description = "Sampling seed, for repeatable output" };
        var stop = new Option<string[]>("--stop") { Description = "Stop before this text (may be repeated)", AllowMultipleArgumentsPerToken = false };

        var command = new Command("generate", "Generate text with a local language model") { prompt, model, maxTokens, temperature, topP, seed, stop };
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            var options = new TaskOptions(
                parse.GetValue(model),
                parse.GetValue(maxTokens),
                parse.GetValue(temperature),
                parse.GetValue(topP),
                parse.GetValue(seed),
                parse.GetValue(stop) is { Length: > 0 } s ? s : null);

            TaskDto? final = null;
            await foreach (var taskEvent in client.StreamAsync(parse.GetValue(prompt)!, options, cancellationToken).ConfigureAwait(false))
            {
                if (taskEvent.Name == TaskEventNames.Delta && !output.IsJson)
                {
                    Console.Out.Write(taskEvent.Data.Text);
                    await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (taskEvent.IsFinal)
                {
                    final = taskEvent.Data.Task;
                }
            }

            if (output.IsJson && final is not null)
            {
                Output.Json(final, IpcJsonContext.Default.TaskDto);
            }
            else
            {
                Console.Out.WriteLine();
            }

            if (final?.State == TaskStates.Completed)
            {
                return ExitCodes.Ok;
            }

            if (!output.IsJson)
            {
                output.Error(final?.Error?.Code ?? "internal", final?.Error?.Message ?? "the stream ended without a result");
            }

            return ExitCodes.TaskFailed;
        });
        return command;
    }
}
