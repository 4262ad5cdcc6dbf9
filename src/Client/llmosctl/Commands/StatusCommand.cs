using System.CommandLine;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl status</c>: is the daemon up, what does it hold, how busy is it.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the daemon's state: version, mode, models, queue");
        CommandRunner.SetAction(command, async (_, client, output, cancellationToken) =>
        {
            var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(status, IpcJsonContext.Default.StatusResponse);
                return ExitCodes.Ok;
            }

            Console.WriteLine($"llmosd {status.Version} ({status.Mode} mode), up {Format.Duration(status.UptimeS)}");
            Console.WriteLine($"socket:  {status.Socket}");
            Console.WriteLine($"tasks:   {status.QueueDepth} queued, {status.RunningTasks} running");
            if (status.Usage is { } usage)
            {
                string tokens = usage.DailyTokenLimit > 0 ? $"{usage.TokensToday} of {usage.DailyTokenLimit} tokens today (resets {usage.ResetsAt.ToLocalTime():yyyy-MM-dd HH:mm})" : $"{usage.TokensToday} tokens today (no daily limit)";
                Console.WriteLine($"you:     uid {usage.Uid}: {usage.Queued} queued, {usage.Running} running, {tokens}");
            }

            Console.WriteLine(status.Models.Count == 0 ? "models:  none (add one with 'llmosctl models add PATH')" : "models:");
            foreach (var model in status.Models)
            {
                Console.WriteLine($"  {model.Id,-24} {model.State,-9}{(model.Default ? " default" : "")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
