using LlmOs.Engine.Assistant;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Intents;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Tests.Intents;
using LlmOs.Engine.Understanding;
using static LlmOs.Engine.Tests.Assistant.FakeRecognizer;

namespace LlmOs.Engine.Tests.Assistant;

/// <summary>The ask pipeline's rules: cheapest stage first, built-ins win ties, apps win only when surer, chat last.</summary>
public sealed class AskServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_first_stage_that_is_sure_decides_and_later_stages_do_not_run()
    {
        var templates = new FakeRecognizer("templates", 0.8, Candidate("timer.set", 0.95));
        var semantic = new FakeRecognizer("semantic", 0.5, Candidate(IntentUnderstanding.ChatIntent, 0.9));
        await using var harness = new AskHarness([templates, semantic]);

        var answer = await harness.Service.AnswerAsync(AskHarness.Request("set a timer for two and a half minutes"), CancellationToken.None);

        Assert.Equal("timer.set", answer.Intent);
        Assert.Equal(150L, answer.Slots["duration"]);
        Assert.Equal(0.95, answer.Confidence);
        Assert.Equal(AskHandlers.Skill, answer.Handler);
        Assert.Equal("skill timer.set", answer.Text);
        Assert.Equal(0, semantic.Runs);
        var stage = Assert.Single(answer.Stages);
        Assert.True(stage.Decided);
    }

    [Theory]
    [InlineData(true, AskHandlers.LanguageModel)]
    [InlineData(false, AskHandlers.Skill)] // with no model the chat skill answers by itself that none is installed
    public async Task A_stage_below_its_threshold_hands_on_and_nothing_sure_goes_to_chat(bool withModel, string handler)
    {
        var templates = new FakeRecognizer("templates", 0.8, Candidate("timer.set", 0.5));
        var semantic = new FakeRecognizer("semantic", 0.7);
        await using var harness = new AskHarness([templates, semantic], withModel: withModel);

        var answer = await harness.Service.AnswerAsync(AskHarness.Request("what is the meaning of life"), CancellationToken.None);

        Assert.Equal(IntentUnderstanding.ChatIntent, answer.Intent);
        Assert.Equal(handler, answer.Handler);
        Assert.Equal(2, answer.Stages.Count);
        Assert.All(answer.Stages, s => Assert.False(s.Decided));
        Assert.Single(harness.Chat.Requests);
    }

    [Fact]
    public async Task On_a_tie_the_built_in_wins_over_an_app_of_the_same_confidence()
    {
        var templates = new FakeRecognizer("templates", 0.8, Candidate("example.timer", 0.9), Candidate("timer.set", 0.9));
        await using var harness = new AskHarness([templates]);
        var app = RegisterApp(harness, "example.timer");

        var answer = await harness.Service.AnswerAsync(AskHarness.Request("set a timer"), CancellationToken.None);

        Assert.Equal("timer.set", answer.Intent);
        Assert.Empty(app.Invocations);
    }

    [Fact]
    public async Task An_app_that_is_surer_than_the_built_in_gets_the_request_and_its_reply_is_the_answer()
    {
        var templates = new FakeRecognizer("templates", 0.8, Candidate("timer.set", 0.85), Candidate("example.timer", 0.9));
        await using var harness = new AskHarness([templates]);
        var app = RegisterApp(harness, "example.timer");
        app.Behaviour = (_, _) => Task.FromResult(new IntentReply("the app's timer runs", new Dictionary<string, object> { ["type"] = "example.started" }));

        var task = harness.Service.Submit(AskHarness.Request("set a timer"));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Completed, task.State);
        Assert.Equal(TaskKind.Ask, task.Kind);
        var answer = task.Answer!;
        Assert.Equal("example.timer", answer.Intent);
        Assert.Equal(AskHandlers.App(app.Address), answer.Handler);
        Assert.Equal("the app's timer runs", answer.Text);
        Assert.Equal("example.started", answer.Action!["type"]);
        var invocation = Assert.Single(app.Invocations);
        Assert.Equal("set a timer", invocation.Utterance);
        Assert.Equal(1000u, invocation.CallerUid);
    }

    [Fact]
    public async Task Another_users_app_never_sees_the_request()
    {
        var templates = new FakeRecognizer("templates", 0.8, Candidate("example.timer", 0.99), Candidate("timer.set", 0.85));
        await using var harness = new AskHarness([templates]);
        var app = RegisterApp(harness, "example.timer", ownerUid: 2000);

        var answer = await harness.Service.AnswerAsync(AskHarness.Request("set a timer", uid: 1000), CancellationToken.None);

        Assert.NotEqual(AskHandlers.App(app.Address), answer.Handler);
        Assert.Empty(app.Invocations);
    }

    [Fact]
    public async Task Cancelling_an_ask_cancels_the_skill_it_is_waiting_for()
    {
        var templates = new FakeRecognizer("templates", 0.8, Candidate("timer.set", 1));
        await using var harness = new AskHarness([templates]);
        var started = new TaskCompletionSource();
        harness.Timer.Behaviour = async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return new IntentReply("unreachable");
        };

        var task = harness.Service.Submit(AskHarness.Request("set a timer"));
        await started.Task.WaitAsync(Patience);
        Assert.True(harness.Scheduler.Cancel(task));
        await task.Finished.WaitAsync(Patience);

        Assert.Equal(TaskState.Cancelled, task.State);
    }

    [Fact]
    public async Task An_app_handler_that_throws_fails_only_that_ask()
    {
        var templates = new FakeRecognizer("templates", 0.8, Candidate("example.broken", 1));
        await using var harness = new AskHarness([templates]);
        var app = RegisterApp(harness, "example.broken");
        app.Behaviour = (_, _) => throw new InvalidOperationException("the app fell over");

        var task = harness.Service.Submit(AskHarness.Request("break it"));
        await task.Finished.WaitAsync(Patience);
        var next = await harness.Service.UnderstandAsync(AskHarness.Request("again"), CancellationToken.None);

        Assert.Equal(TaskState.Failed, task.State);
        Assert.Equal(ErrorKind.Internal, task.Error!.Kind);
        Assert.Contains("the app fell over", task.Error.Message, StringComparison.Ordinal);
        Assert.Equal("example.broken", next.Best.Intent); // the daemon's side is unharmed: the next request is recognised as before
    }

    private static FakeIntentHandler RegisterApp(AskHarness harness, string intent, uint ownerUid = 1000)
    {
        var app = new FakeIntentHandler();
        harness.Registry.Register(":1.7", ownerUid, app, [new IntentDefinition(intent, ["set a timer"], new Dictionary<string, string>())]);
        return app;
    }

    [Fact]
    public async Task An_app_that_left_after_the_catalog_was_built_is_not_called()
    {
        var templates = new FakeRecognizer("templates", 0.8, Candidate("example.timer", 0.95));
        await using var harness = new AskHarness([templates]);
        var app = RegisterApp(harness, "example.timer");
        _ = await harness.Service.UnderstandAsync(AskHarness.Request("set a timer"), CancellationToken.None); // the catalog now holds the app

        harness.Registry.RemoveOwner(":1.7");
        var answer = await harness.Service.AnswerAsync(AskHarness.Request("set a timer"), CancellationToken.None);

        Assert.Empty(app.Invocations);
        Assert.NotEqual(AskHandlers.App(app.Address), answer.Handler);
    }
}
