using System.CommandLine;
using System.Globalization;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl events</c>: follows your timers and reminders as they fall due, one line each (<c>--json</c>: one object per line) until Ctrl-C.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var command = new Command("events", "Follow your timers and reminders as they fall due (Ctrl-C to stop)");
        CommandRunner.SetAction(command, async (_, client, output, cancellationToken) =>
        {
            try
            {
                await foreach (var due in client.WatchEventsAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (output.IsJson)
                    {
                        Output.Json(due, IpcJsonContext.Default.DueEventDto);
                    }
                    else
                    {
                        string what = due.Label.Length > 0 ? $"{due.Kind} \"{due.Label}\"" : due.Kind;
                        string late = due.Late ? $" (late: it was due at {due.DueAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)})" : "";
                        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{due.FiredAt.ToLocalTime():HH:mm:ss} {what} is due{late}"));
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C: following ends, nothing was running on the daemon's side.
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
