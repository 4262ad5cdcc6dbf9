using System.Text.Json;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Http.OpenAi;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.OpenAi;

namespace LlmOs.Daemon.Tests.OpenAi;

public sealed class OpenAiRequestValidatorCompletionTests
{
    private static readonly DaemonSettings Limits = new() { MaxPromptChars = 100, MaxTokensLimit = 50, DefaultMaxTokens = 16 };
    private readonly OpenAiRequestValidator _validator = new(Limits);

    private (string Prompt, OpenAiGeneration Generation) Validate(string json) =>
        _validator.Validate(JsonSerializer.Deserialize(json, OpenAiJsonContext.Default.CompletionRequest)!);

    private void Refused(string json, ErrorKind kind, string field)
    {
        var e = Assert.Throws<EngineException>(() => Validate(json));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("""{"prompt":"Once upon a time"}""")]
    [InlineData("""{"prompt":["Once upon a time"]}""")]
    public void Prompt_is_a_string_or_an_array_of_one(string json)
    {
        var (prompt, generation) = Validate(json);

        Assert.Equal("Once upon a time", prompt);
        Assert.Equal(16, generation.Options.MaxTokens);
    }

    [Fact]
    public void Options_are_mapped_as_for_chat()
    {
        var (_, generation) = Validate("""
            {"prompt":"p","model":"stories","max_tokens":9,"temperature":0,"top_p":0.5,"seed":3,"stop":["\n","x"],"stream":true,
             "stream_options":{"include_usage":true},"keep_alive":0,"echo":false,"n":1,"best_of":1,"suffix":null,"user":"me"}
            """);

        Assert.Equal("stories", generation.Model);
        Assert.Equal(9, generation.Options.MaxTokens);
        Assert.Equal(0.5f, generation.Options.TopP);
        Assert.Equal(3u, generation.Options.Seed);
        Assert.Equal(["\n", "x"], generation.Options.Stop);
        Assert.True(generation.Stream);
        Assert.True(generation.IncludeUsage);
        Assert.Equal(TimeSpan.Zero, generation.KeepAlive);
    }

    [Theory]
    [InlineData("""{"model":"m"}""", "prompt")]
    [InlineData("""{"prompt":""}""", "prompt")]
    [InlineData("""{"prompt":[]}""", "prompt")]
    [InlineData("""{"prompt":"p","max_tokens":51}""", "max_tokens")]
    [InlineData("""{"prompt":"p","temperature":3}""", "temperature")]
    public void Missing_prompt_and_bad_values_are_invalid(string json, string field)
    {
        Refused(json, ErrorKind.InvalidInput, field);
    }

    [Theory]
    [InlineData("""{"prompt":["a","b"]}""", "prompt")]
    [InlineData("""{"prompt":[1,2,3]}""", "prompt")]
    [InlineData("""{"prompt":[[1,2],[3]]}""", "prompt")]
    [InlineData("""{"prompt":"p","echo":true}""", "echo")]
    [InlineData("""{"prompt":"p","suffix":"end"}""", "suffix")]
    [InlineData("""{"prompt":"p","best_of":3}""", "best_of")]
    [InlineData("""{"prompt":"p","n":2}""", "n")]
    [InlineData("""{"prompt":"p","logprobs":2}""", "logprobs")]
    public void What_llmosd_cannot_honour_is_unsupported(string json, string field)
    {
        Refused(json, ErrorKind.Unsupported, field);
    }

    [Fact]
    public void Prompt_over_the_limit_is_too_large()
    {
        Refused($$"""{"prompt":"{{new string('p', 101)}}"}""", ErrorKind.TooLarge, "prompt");
    }
}
