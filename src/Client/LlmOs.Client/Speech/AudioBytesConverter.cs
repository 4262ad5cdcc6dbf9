using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Client.Speech;

/// <summary>
/// Audio bytes in an answer: base64 in the socket's JSON, an <c>ay</c> on D-Bus (which reads as an array of numbers once the
/// a{sv} is turned into JSON). Written back as base64.
/// </summary>
internal sealed class AudioBytesConverter : JsonConverter<byte[]?>
{
    public override bool HandleNull => true;

    public override byte[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetBytesFromBase64();
            case JsonTokenType.StartArray:
                var bytes = new List<byte>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    bytes.Add(reader.GetByte());
                }

                return bytes.Count == 0 ? null : [.. bytes];
            default:
                throw new JsonException($"audio must be base64 text or an array of bytes, not {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, byte[]? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value);
        }
    }
}
