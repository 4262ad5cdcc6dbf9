using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmOs.Ipc.OpenAi;

/// <summary>
/// Reads OpenAI's <c>prompt</c> union (a string, an array of strings, an array of token ids or of token-id arrays) into a
/// <see cref="CompletionPrompt"/>; hand-written because the source generator has no union types.
/// </summary>
public sealed class CompletionPromptConverter : JsonConverter<CompletionPrompt>
{
    public override CompletionPrompt? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new CompletionPrompt(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException();
        }

        var texts = new List<string>();
        bool tokens = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    texts.Add(reader.GetString()!);
                    break;
                case JsonTokenType.Number or JsonTokenType.StartArray:
                    tokens = true;
                    reader.Skip();
                    break;
                default:
                    throw new JsonException();
            }
        }

        return new CompletionPrompt(texts, tokens);
    }

    public override void Write(Utf8JsonWriter writer, CompletionPrompt value, JsonSerializerOptions options)
    {
        if (value.Texts.Count == 1)
        {
            writer.WriteStringValue(value.Texts[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var text in value.Texts)
        {
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
    }
}
