using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Http;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Tests;

public sealed class TaskRequestValidatorTests
{
    private static readonly DaemonSettings Limits = new() { MaxPromptChars = 100, MaxTokensLimit = 50, DefaultMaxTokens = 16 };

    private readonly TaskRequestValidator _validator = new(Limits);

    private static TaskSubmitRequest Request(TaskOptions? options = null, string? prompt = "Once upon a time") =>
        new("generate", new TaskInput(prompt), options);

    private EngineException Refused(TaskSubmitRequest request, ErrorKind kind, string field)
    {
        var e = Assert.Throws<EngineException>(() => _validator.Validate(request, 1000));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(field, e.Field);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }

    [Fact]
    public void Valid_request_without_options_gets_the_defaults()
    {
        var (_, prompt, model, options) = _validator.Validate(Request(), 1000);

        Assert.Equal("Once upon a time", prompt);
        Assert.Null(model);
        Assert.Equal(16, options.MaxTokens);
        Assert.Equal(0.8f, options.Temperature);
        Assert.Equal(0.95f, options.TopP);
        Assert.Null(options.Seed);
        Assert.Empty(options.Stop);
    }

    [Fact]
    public void Valid_request_with_every_option_maps_each_one()
    {
        var request = Request(new TaskOptions(Model: "stories", MaxTokens: 50, Temperature: 0f, TopP: 1f, Seed: 42, Stop: ["\n", "THE END"]));

        var (_, prompt, model, options) = _validator.Validate(request, 1000);

        Assert.Equal("Once upon a time", prompt);
        Assert.Equal("stories", model);
        Assert.Equal(50, options.MaxTokens);
        Assert.Equal(0f, options.Temperature);
        Assert.Equal(1f, options.TopP);
        Assert.Equal(42u, options.Seed);
        Assert.Equal(["\n", "THE END"], options.Stop);
    }

    [Fact]
    public void Values_at_the_limits_are_accepted()
    {
        var request = Request(
            new TaskOptions(Model: new string('m', 256), MaxTokens: 1, Temperature: 2f, TopP: float.Epsilon, Stop: [.. Enumerable.Repeat(new string('s', 64), 4)]),
            prompt: new string('p', 100));

        var (_, prompt, model, options) = _validator.Validate(request, 1000);

        Assert.Equal(100, prompt.Length);
        Assert.Equal(256, model!.Length);
        Assert.Equal(1, options.MaxTokens);
        Assert.Equal(2f, options.Temperature);
        Assert.Equal(4, options.Stop.Count);
    }

    [Fact]
    public void Missing_kind_is_invalid()
    {
        Refused(new TaskSubmitRequest(null, new TaskInput("p")), ErrorKind.InvalidInput, "kind");
    }

    [Theory]
    [InlineData("chat")]
    [InlineData("Generate")]
    [InlineData("")]
    public void Unknown_kind_is_invalid(string kind)
    {
        var e = Refused(new TaskSubmitRequest(kind, new TaskInput("p")), ErrorKind.InvalidInput, "kind");
        Assert.Contains("generate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_input_is_invalid()
    {
        Refused(new TaskSubmitRequest("generate", null), ErrorKind.InvalidInput, "input.prompt");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_or_empty_prompt_is_invalid(string? prompt)
    {
        Refused(Request(prompt: prompt), ErrorKind.InvalidInput, "input.prompt");
    }

    [Fact]
    public void Prompt_over_the_limit_is_too_large()
    {
        var e = Refused(Request(prompt: new string('p', 101)), ErrorKind.TooLarge, "input.prompt");
        Assert.Contains("100", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Max_tokens_out_of_range_is_invalid(int maxTokens)
    {
        Refused(Request(new TaskOptions(MaxTokens: maxTokens)), ErrorKind.InvalidInput, "options.max_tokens");
    }

    [Fact]
    public void Default_max_tokens_above_the_limit_is_refused_too()
    {
        var validator = new TaskRequestValidator(new DaemonSettings { DefaultMaxTokens = 500, MaxTokensLimit = 100 });

        var e = Assert.Throws<EngineException>(() => validator.Validate(Request(), 1000));

        Assert.Equal("options.max_tokens", e.Field);
    }

    [Theory]
    [InlineData(-0.01f)]
    [InlineData(2.01f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Temperature_out_of_range_is_invalid(float temperature)
    {
        Refused(Request(new TaskOptions(Temperature: temperature)), ErrorKind.InvalidInput, "options.temperature");
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.5f)]
    [InlineData(1.01f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Top_p_out_of_range_is_invalid(float topP)
    {
        Refused(Request(new TaskOptions(TopP: topP)), ErrorKind.InvalidInput, "options.top_p");
    }

    [Fact]
    public void More_than_four_stop_sequences_are_invalid()
    {
        Refused(Request(new TaskOptions(Stop: ["a", "b", "c", "d", "e"])), ErrorKind.InvalidInput, "options.stop");
    }

    [Fact]
    public void Empty_stop_sequence_is_invalid()
    {
        Refused(Request(new TaskOptions(Stop: ["ok", ""])), ErrorKind.InvalidInput, "options.stop");
    }

    [Fact]
    public void Null_stop_sequence_is_invalid()
    {
        Refused(Request(new TaskOptions(Stop: ["ok", null!])), ErrorKind.InvalidInput, "options.stop");
    }

    [Fact]
    public void Stop_sequence_over_64_characters_is_invalid()
    {
        Refused(Request(new TaskOptions(Stop: [new string('s', 65)])), ErrorKind.InvalidInput, "options.stop");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void Model_name_of_bad_length_is_invalid(int length)
    {
        Refused(Request(new TaskOptions(Model: new string('m', length))), ErrorKind.InvalidInput, "options.model");
    }

    [Fact]
    public void Kind_is_checked_before_the_prompt()
    {
        Refused(new TaskSubmitRequest("chat", null), ErrorKind.InvalidInput, "kind");
    }
}
