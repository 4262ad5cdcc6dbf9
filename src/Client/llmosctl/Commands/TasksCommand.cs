using System.CommandLine;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl tasks list|show ID|cancel ID</c>: your tasks (root: everyone's).</summary>
internal static class TasksCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List your tasks, oldest first");
        CommandRunner.SetAction(list, async (_, client, output, cancellationToken) =>
        {
            var tasks = await client.Transport.ListTasksAsync(cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(tasks, IpcJsonContext.Default.TaskListResponse);
                return ExitCodes.Ok;
            }

            Console.WriteLine($"{"ID",-17} {"STATE",-10} {"MODEL",-20} {"CREATED",-19} TOKENS");
            foreach (var task in tasks.Tasks)
            {
                Console.WriteLine($"{task.Id,-17} {task.State,-10} {task.Model,-20} {Format.Time(task.CreatedAt),-19} {task.Result?.Tokens.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
            }

            return ExitCodes.Ok;
        });

        var showId = new Argument<string>("id") { Description = "Task id" };
        var show = new Command("show", "Show one task and its result") { showId };
        CommandRunner.SetAction(show, async (parse, client, output, cancellationToken) =>
        {
            Print(await client.GetTaskAsync(parse.GetValue(showId)!, cancellationToken).ConfigureAwait(false), output);
            return ExitCodes.Ok;
        });

        var cancelId = new Argument<string>("id") { Description = "Task id" };
        var cancel = new Command("cancel", "Cancel a queued or running task") { cancelId };
        CommandRunner.SetAction(cancel, async (parse, client, output, cancellationToken) =>
        {
            Print(await client.CancelAsync(parse.GetValue(cancelId)!, cancellationToken).ConfigureAwait(false), output);
            return ExitCodes.Ok;
        });

        return new Command("tasks", "List, show and cancel tasks") { list, show, cancel };
    }

    private static void Print(TaskDto task, Output output)
    {
        if (output.IsJson)
        {
            Output.Json(task, IpcJsonContext.Default.TaskDto);
            return;
        }

        Console.WriteLine($"id:       {task.Id}");
        Console.WriteLine($"kind:     {task.Kind}");
        Console.WriteLine($"state:    {task.State}");
        Console.WriteLine($"model:    {task.Model}");
        Console.WriteLine($"created:  {Format.Time(task.CreatedAt)}");
        Console.WriteLine($"started:  {Format.Time(task.StartedAt)}");
        Console.WriteLine($"finished: {Format.Time(task.FinishedAt)}");
        if (task.Error is { } error)
        {
            Console.WriteLine($"error:    {error.Message} ({error.Code})");
        }

        if (task.Result is { } result)
        {
            Console.WriteLine($"tokens:   {result.Tokens} ({result.FinishReason})");
            Console.WriteLine();
            Console.WriteLine(result.Text);
        }
    }
}
