using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// A value sent either as a JSON number or as a string (Ollama's <c>keep_alive</c>: <c>300</c> or <c>"5m"</c>),
/// kept as the text it was written with; the daemon parses it. A number is written back as a number.
/// </summary>
public sealed class NumberOrStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        _ => throw new JsonException(),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            writer.WriteRawValue(value);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
