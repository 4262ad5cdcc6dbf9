using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Http.Vision;
using LlmOs.Daemon.Requests;
using LlmOs.Daemon.Security;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;
using LlmOs.Ipc;
using LlmOs.Ipc.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LlmOs.Daemon.Http;

/// <summary>
/// The task API. A task belongs to the uid that submitted it (from SO_PEERCRED): a client sees,
/// follows and cancels only its own tasks; an administrator (root, or polkit's org.llmos.manage) also others';
/// another user's task answers 404 to anyone else, as if absent.
/// </summary>
internal static class TaskEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/tasks", SubmitAsync);
        app.MapGet("/v1/tasks", ListAsync);
        app.MapGet("/v1/tasks/{id}", GetAsync);
        app.MapGet("/v1/tasks/{id}/events", EventsAsync);
        app.MapDelete("/v1/tasks/{id}", CancelAsync);
    }

    private static async Task SubmitAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var settings = services.GetRequiredService<DaemonSettings>();
        var request = await JsonBody.ReadAsync(context, IpcJsonContext.Default.TaskSubmitRequest, ImageBodies.JsonLimit(settings)).ConfigureAwait(false);
        ImageBodies.CheckWithoutImage(context, request.Input?.Image is not null || request.Input?.Audio is not null, settings);
        var scheduler = services.GetRequiredService<Scheduler>();
        var task = services.GetRequiredService<TaskSubmitter>().Submit(request, Caller(context));

        if (request.Stream || context.Request.Query["wait"] is var wait && (wait == "true" || wait == "1"))
        {
            // The connection is the task's lifeline: however this request ends (the client hung up, a write
            // failed, the daemon stops), a task that has not finished by then is cancelled.
            try
            {
                if (request.Stream)
                {
                    TaskEventStream.Start(context.Response);
                    await TaskEventStream.WriteAsync(context.Response, task, 0, context.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    await task.Finished.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                    await WriteTaskAsync(context, task, StatusCodes.Status200OK).ConfigureAwait(false);
                }
            }
            finally
            {
                if (!task.IsFinished)
                {
                    scheduler.Cancel(task);
                }
            }

            return;
        }

        context.Response.Headers.Location = "/v1/tasks/" + task.Id;
        await WriteTaskAsync(context, task, StatusCodes.Status202Accepted).ConfigureAwait(false);
    }

    /// <summary>The caller's tasks (everyone's for root); <c>?all=true</c> asks for everyone's, which is an administrator's.</summary>
    private static async Task ListAsync(HttpContext context)
    {
        uint caller = Caller(context);
        bool all = caller == 0;
        if (!all && context.Request.Query["all"] is var wanted && (wanted == "true" || wanted == "1"))
        {
            await context.RequestServices.GetRequiredService<Administrators>()
                .EnsureAsync(PeerCredentials.AdminCaller(context), "listing every user's tasks", context.RequestAborted).ConfigureAwait(false);
            all = true;
        }

        var tasks = context.RequestServices.GetRequiredService<TaskStore>().List(all ? null : caller);
        var body = new TaskListResponse([.. tasks.Select(DtoMapper.ToDto)]);
        await Results.Json(body, IpcJsonContext.Default.TaskListResponse).ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task GetAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is { } task)
        {
            await WriteTaskAsync(context, task, StatusCodes.Status200OK).ConfigureAwait(false);
        }
        else
        {
            await TaskNotFoundAsync(context, id).ConfigureAwait(false);
        }
    }

    private static async Task EventsAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } task)
        {
            await TaskNotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        // A reader that reconnects says where it stopped; it gets what came after.
        int from = int.TryParse(context.Request.Headers["Last-Event-ID"], out int last) && last >= 0 ? last + 1 : 0;
        TaskEventStream.Start(context.Response);
        await TaskEventStream.WriteAsync(context.Response, task, from, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task CancelAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id).ConfigureAwait(false) is not { } task)
        {
            await TaskNotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        context.RequestServices.GetRequiredService<Scheduler>().Cancel(task);

        // A running task stops at its next token; answer with its final state when that is quick.
        await Task.WhenAny(task.Finished, Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted)).ConfigureAwait(false);
        await WriteTaskAsync(context, task, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    /// <summary>The task, if it is the caller's or the caller is an administrator (polkit is asked only for another's task).</summary>
    private static ValueTask<TaskRecord?> FindAsync(HttpContext context, string id) =>
        context.RequestServices.GetRequiredService<TaskAccess>().FindAsync(id, PeerCredentials.AdminCaller(context), context.RequestAborted);

    private static uint Caller(HttpContext context) => PeerCredentials.Caller(context);

    private static Task TaskNotFoundAsync(HttpContext context, string id) =>
        HttpErrors.NotFoundAsync(context, $"no task '{id}' (it may belong to another user, or it finished and was forgotten)");

    private static Task WriteTaskAsync(HttpContext context, TaskRecord task, int status) =>
        Results.Json(DtoMapper.ToDto(task), IpcJsonContext.Default.TaskDto, statusCode: status).ExecuteAsync(context);
}
