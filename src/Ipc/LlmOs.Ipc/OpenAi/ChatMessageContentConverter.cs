using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// Reads a message content written as a string or as an array of parts, and writes it back the way it came.
/// Hand-written because the source generator has no union types; a value of the wrong JSON type fails the way
/// the serializer's own type mismatches do, so the daemon names the field.
/// </summary>
public sealed class ChatMessageContentConverter : JsonConverter<ChatMessageContent>
{
    public override ChatMessageContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ChatMessageContent(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException();
        }

        var parts = new List<ChatContentPart>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            parts.Add(ReadPart(ref reader));
        }

        return new ChatMessageContent(parts);
    }

    public override void Write(Utf8JsonWriter writer, ChatMessageContent value, JsonSerializerOptions options)
    {
        if (value.Parts is not { } parts)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartArray();
        foreach (var part in parts)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, part.Type);
            if (part.Text is not null)
            {
                writer.WriteString("text"u8, part.Text);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static ChatContentPart ReadPart(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException();
        }

        string? type = null, text = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isType = reader.ValueTextEquals("type"u8);
            bool isText = reader.ValueTextEquals("text"u8);
            reader.Read();
            if ((isType || isText) && reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            {
                throw new JsonException();
            }

            if (isType)
            {
                type = reader.GetString();
            }
            else if (isText)
            {
                text = reader.GetString();
            }
            else
            {
                reader.Skip(); // image_url, cache_control and the like: the part's type is what the daemon judges
            }
        }

        return new ChatContentPart(type, text);
    }
}
