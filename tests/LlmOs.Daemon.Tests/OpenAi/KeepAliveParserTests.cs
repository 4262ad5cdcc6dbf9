using LlmOs.Daemon.Http.OpenAi;
using LlmOs.Engine.Errors;

namespace LlmOs.Daemon.Tests.OpenAi;

public sealed class KeepAliveParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("300", 300)]
    [InlineData("2.5", 2.5)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData(" 10m ", 600)]
    [InlineData("+2m", 120)]
    public void Seconds_and_durations_are_read(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), KeepAliveParser.Parse(text));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-1m")]
    [InlineData("-0.5")]
    public void Any_negative_value_keeps_the_model(string text)
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, KeepAliveParser.Parse(text));
    }

    [Fact]
    public void Absent_is_null()
    {
        Assert.Null(KeepAliveParser.Parse(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("5x")]
    [InlineData("5 m")]
    [InlineData("soon")]
    [InlineData("1..5s")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("400d")]
    [InlineData("9000h")]
    [InlineData("1e300")]
    public void Anything_else_is_invalid(string text)
    {
        var e = Assert.Throws<EngineException>(() => KeepAliveParser.Parse(text));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal("keep_alive", e.Field);
    }
}
