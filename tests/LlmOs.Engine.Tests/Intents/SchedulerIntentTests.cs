using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Tests.Intents;

/// <summary>Scheduler.SubmitIntent: the task is the call to an app's handler, with its reply, its failure, its cancellation and its deadline.</summary>
public sealed class SchedulerIntentTests : IAsyncLifetime
{
    private const uint Alice = 1000;

    private readonly SchedulerHarness _harness = new();
    private readonly IntentRegistry _registry = new();
    private readonly FakeIntentHandler _handler = new();

    public Task InitializeAsync()
    {
        _registry.Register(":1.5", Alice, _handler, [new IntentDefinition("timer.set", ["set a timer for {minutes} minutes"], new Dictionary<string, string> { ["minutes"] = "integer" })]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Scheduler Create(TimeSpan? timeout = null) =>
        _harness.Create(new FakeTextBackend(), timeout is { } t ? new SchedulerOptions { IntentHandlerTimeout = t } : new SchedulerOptions());

    private static IntentInvocation Invocation(uint uid = Alice) =>
        new("timer.set", new Dictionary<string, object> { ["minutes"] = 5L }, "set a timer for five minutes", uid);

    [Fact]
    public async Task The_task_completes_with_the_handlers_reply_and_action()
    {
        var action = new Dictionary<string, object> { ["type"] = "timer.start", ["seconds"] = 300L };
        _handler.Behaviour = (_, _) => Task.FromResult(new IntentReply("Timer set for 5 minutes", action));
        var scheduler = Create();

        var task = scheduler.SubmitIntent(Invocation(), _registry);
        await SchedulerHarness.FinishedAsync(task);

        Assert.Equal(TaskKind.Intent, task.Kind);
        Assert.Equal(TaskState.Completed, task.State);
        Assert.Equal(Alice, task.OwnerUid);
        Assert.Equal(_handler.Address, task.Model);
        Assert.Equal("Timer set for 5 minutes", task.Reply!.Text);
        Assert.Equal(action, task.Reply.Action);
        var asked = Assert.Single(_handler.Invocations);
        Assert.Equal(("timer.set", "set a timer for five minutes", Alice), (asked.Intent, asked.Utterance, asked.CallerUid));
        Assert.Equal(5L, Assert.Single(asked.Slots).Value);
        await SchedulerHarness.IdleAsync(scheduler);
    }

    [Fact]
    public void An_intent_nobody_handles_for_the_caller_is_refused_as_unsupported_and_queues_nothing()
    {
        var scheduler = Create();

        var e = Assert.Throws<EngineException>(() => scheduler.SubmitIntent(Invocation(uid: 1001), _registry));
        Assert.Equal(ErrorKind.Unsupported, e.Kind);
        Assert.Equal("input.intent", e.Field);
        Assert.Contains("timer.set", e.Message);
        Assert.Empty(_handler.Invocations);
        Assert.Equal(0, scheduler.RunningCount);
        Assert.Empty(_harness.Store.List(null));
    }

    [Fact]
    public async Task A_handler_that_throws_fails_the_task_with_its_message()
    {
        _handler.Behaviour = (_, _) => Task.FromException<IntentReply>(new InvalidOperationException("the timer app crashed"));
        var scheduler = Create();

        var task = scheduler.SubmitIntent(Invocation(), _registry);
        await SchedulerHarness.FinishedAsync(task);

        Assert.Equal(TaskState.Failed, task.State);
        Assert.Equal(ErrorKind.Internal, task.Error!.Kind);
        Assert.Contains("the timer app crashed", task.Error.Message);
        Assert.Contains(_handler.Address, task.Error.Message);
        Assert.Null(task.Reply);
        await SchedulerHarness.IdleAsync(scheduler);
    }

    [Fact]
    public async Task A_handler_refusing_with_an_engine_error_fails_the_task_with_that_kind()
    {
        _handler.Behaviour = (_, _) => throw new EngineException(ErrorKind.Busy, "the handler has too many requests waiting");
        var scheduler = Create();

        var task = scheduler.SubmitIntent(Invocation(), _registry);
        await SchedulerHarness.FinishedAsync(task);

        Assert.Equal(TaskState.Failed, task.State);
        Assert.Equal(new TaskError(ErrorKind.Busy, "the handler has too many requests waiting"), task.Error);
    }

    [Fact]
    public async Task Cancelling_the_task_cancels_the_call_to_the_handler()
    {
        _handler.Behaviour = FakeIntentHandler.NeverAnswersAsync;
        var scheduler = Create();

        var task = scheduler.SubmitIntent(Invocation(), _registry);
        await _handler.Called.Task.WaitAsync(SchedulerHarness.Patience);
        Assert.Equal(TaskState.Running, task.State);
        Assert.False(_handler.LastToken.IsCancellationRequested);

        Assert.True(scheduler.Cancel(task));
        await SchedulerHarness.FinishedAsync(task);

        Assert.Equal(TaskState.Cancelled, task.State);
        Assert.True(_handler.LastToken.IsCancellationRequested);
        await SchedulerHarness.IdleAsync(scheduler);
    }

    [Fact]
    public async Task A_handler_that_does_not_answer_in_time_fails_the_task_and_its_call_is_cancelled()
    {
        _handler.Behaviour = FakeIntentHandler.NeverAnswersAsync;
        var scheduler = Create(timeout: TimeSpan.FromMilliseconds(100));

        var task = scheduler.SubmitIntent(Invocation(), _registry);
        await SchedulerHarness.FinishedAsync(task);

        Assert.Equal(TaskState.Failed, task.State);
        Assert.Equal(ErrorKind.Internal, task.Error!.Kind);
        Assert.Contains("did not answer within 0.1 s", task.Error.Message);
        Assert.True(_handler.LastToken.IsCancellationRequested);
        Assert.False(task.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void The_default_deadline_is_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new SchedulerOptions().IntentHandlerTimeout);
    }

    [Fact]
    public async Task A_uid_may_keep_only_so_many_intents_waiting_for_handlers_and_gets_busy_beyond()
    {
        var answer = new TaskCompletionSource<IntentReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Behaviour = (_, _) => answer.Task;
        var scheduler = _harness.Create(new FakeTextBackend(), new SchedulerOptions { MaxIntentsPerUid = 2 });

        var first = scheduler.SubmitIntent(Invocation(), _registry);
        var second = scheduler.SubmitIntent(Invocation(), _registry);
        var e = Assert.Throws<EngineException>(() => scheduler.SubmitIntent(Invocation(), _registry));
        Assert.Equal(ErrorKind.Busy, e.Kind);
        Assert.Equal(2, _harness.Store.List(null).Count);

        answer.SetResult(new IntentReply("done"));
        await SchedulerHarness.FinishedAsync(first);
        await SchedulerHarness.FinishedAsync(second);
        await SchedulerHarness.IdleAsync(scheduler); // both have been counted out
        var third = scheduler.SubmitIntent(Invocation(), _registry); // the slots are free again
        await SchedulerHarness.FinishedAsync(third);
        Assert.Equal(TaskState.Completed, third.State);
        await SchedulerHarness.IdleAsync(scheduler);
    }
}
