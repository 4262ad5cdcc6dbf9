using System.Text.Json;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;

namespace LlmOs.Daemon.Tests.Intents;

public sealed class SlotValuesTests
{
    private static Dictionary<string, JsonElement> Wire(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Fact]
    public void Wire_values_become_string_long_double_and_bool()
    {
        var values = SlotValues.FromWire(Wire("""{"app":"firefox","minutes":5,"volume":0.5,"loud":true,"big":9007199254740993}"""), "input.slots");

        Assert.Equal("firefox", values["app"]);
        Assert.Equal(5L, values["minutes"]);
        Assert.Equal(0.5, values["volume"]);
        Assert.Equal(true, values["loud"]);
        Assert.Equal(9007199254740993L, values["big"]);
    }

    [Fact]
    public void No_values_make_an_empty_map()
    {
        Assert.Empty(SlotValues.FromWire(null, "input.slots"));
        Assert.Empty(SlotValues.FromWire(Wire("{}"), "input.slots"));
    }

    [Theory]
    [InlineData("""{"a":{"b":1}}""")]
    [InlineData("""{"a":[1,2]}""")]
    [InlineData("""{"a":null}""")]
    [InlineData("""{"":1}""")]
    public void Nested_null_and_unnamed_values_are_invalid(string json)
    {
        var e = Assert.Throws<EngineException>(() => SlotValues.FromWire(Wire(json), "input.slots"));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal("input.slots", e.Field);
    }

    [Fact]
    public void Too_many_entries_or_too_long_a_text_are_too_large()
    {
        var many = Enumerable.Range(0, SlotValues.MaxEntries + 1).ToDictionary(i => $"s{i}", i => JsonSerializer.SerializeToElement(i));
        Assert.Equal(ErrorKind.TooLarge, Assert.Throws<EngineException>(() => SlotValues.FromWire(many, "action")).Kind);

        var longText = new Dictionary<string, JsonElement> { ["t"] = JsonSerializer.SerializeToElement(new string('x', SlotValues.MaxTextLength + 1)) };
        var e = Assert.Throws<EngineException>(() => SlotValues.FromWire(longText, "action"));
        Assert.Equal(ErrorKind.TooLarge, e.Kind);
        Assert.Equal("action", e.Field);

        var longName = new Dictionary<string, JsonElement> { [new string('n', SlotValues.MaxNameLength + 1)] = JsonSerializer.SerializeToElement(1) };
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<EngineException>(() => SlotValues.FromWire(longName, "action")).Kind);
    }

    [Fact]
    public void Engine_values_go_back_to_the_same_json()
    {
        var engine = new Dictionary<string, object> { ["app"] = "firefox", ["minutes"] = 5L, ["count"] = 3, ["volume"] = 0.5, ["loud"] = false };

        var wire = SlotValues.ToWire(engine)!;

        Assert.Equal("firefox", wire["app"].GetString());
        Assert.Equal(5, wire["minutes"].GetInt64());
        Assert.Equal(3, wire["count"].GetInt32());
        Assert.Equal(0.5, wire["volume"].GetDouble());
        Assert.Equal(JsonValueKind.False, wire["loud"].ValueKind);

        var plain = new Dictionary<string, object> { ["app"] = "firefox", ["minutes"] = 5L, ["volume"] = 0.5, ["loud"] = false };
        Assert.Equal(plain, SlotValues.FromWire(SlotValues.ToWire(plain), "slots"));
        Assert.Null(SlotValues.ToWire(null));
    }

    [Fact]
    public void A_value_json_cannot_hold_is_written_as_text()
    {
        var wire = SlotValues.ToWire(new Dictionary<string, object> { ["nan"] = double.NaN, ["when"] = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) })!;

        Assert.Equal("NaN", wire["nan"].GetString());
        Assert.Equal(JsonValueKind.String, wire["when"].ValueKind);
    }
}
