using LlmOs.Daemon.DBus;
using LlmOs.Engine.Errors;
using LlmOs.Ipc;
using Tmds.DBus.Protocol;

namespace LlmOs.Daemon.Tests.DBus;

/// <summary>a{sv} arguments decode to the socket's records and fail the way the socket's JSON does, naming the field.</summary>
public sealed class BusInputTests
{
    [Fact]
    public void Options_decode_with_any_integer_type()
    {
        var options = new Dictionary<string, VariantValue>
        {
            ["max_tokens"] = VariantValue.UInt16(8),
            ["temperature"] = VariantValue.Double(0),
            ["stop"] = VariantValue.Array(new[] { "." }),
        };

        var decoded = BusInput.Read(options, IpcJsonContext.Default.TaskOptions, "options", 1 << 20);

        Assert.Equal(8, decoded.MaxTokens);
        Assert.Equal(0f, decoded.Temperature);
        Assert.Equal(["."], decoded.Stop);
    }

    [Theory]
    [InlineData("max_tokenz", "unknown key at 'options.max_tokenz'")]
    [InlineData("max_tokens", "wrong type at 'options.max_tokens'")]
    public void Unknown_keys_and_wrong_types_name_the_field(string key, string message)
    {
        var options = new Dictionary<string, VariantValue> { [key] = VariantValue.String("eight") };

        var e = Assert.Throws<EngineException>(() => BusInput.Read(options, IpcJsonContext.Default.TaskOptions, "options", 1 << 20));

        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_value_with_no_json_form_is_invalid_input()
    {
        var input = new Dictionary<string, VariantValue>
        {
            ["prompt"] = new Dict<int, string> { { 1, "x" } }.AsVariantValue(),
        };

        var e = Assert.Throws<EngineException>(() => BusInput.Read(input, IpcJsonContext.Default.TaskInput, "input", 1 << 20));

        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal("input", e.Field);
    }

    [Fact]
    public void An_argument_larger_than_the_request_limit_is_too_large()
    {
        var input = new Dictionary<string, VariantValue> { ["prompt"] = VariantValue.String(new string('a', 2000)) };

        var e = Assert.Throws<EngineException>(() => BusInput.Read(input, IpcJsonContext.Default.TaskInput, "input", 1000));

        Assert.Equal(ErrorKind.TooLarge, e.Kind);
    }
}
