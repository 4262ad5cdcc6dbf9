using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LlmOs.Ipc;
using LlmOs.Ipc.Speech;

namespace LlmOs.Client.Transport.DBus;

/// <summary>
/// Daemon1.Voice's a{sv} as a <see cref="VoiceResultDto"/>: the wire record's own contract, except that <c>audio</c> may
/// come as an <c>ay</c> (an array of numbers once turned into JSON) as well as base64 text; either way the record holds
/// base64, as the socket's answer does.
/// </summary>
internal static class VoiceReplyReader
{
    public static readonly JsonTypeInfo<VoiceResultDto> TypeInfo = (JsonTypeInfo<VoiceResultDto>)new JsonSerializerOptions(IpcJsonContext.Default.Options)
    {
        TypeInfoResolver = IpcJsonContext.Default.WithAddedModifier(static type =>
        {
            if (type.Type == typeof(VoiceResultDto))
            {
                type.Properties.Single(p => p.Name == "audio").CustomConverter = new BytesAsBase64Converter();
            }
        }),
    }.GetTypeInfo(typeof(VoiceResultDto));

    private sealed class BytesAsBase64Converter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.StartArray:
                    var bytes = new List<byte>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        bytes.Add(reader.GetByte());
                    }

                    return bytes.Count == 0 ? null : Convert.ToBase64String([.. bytes]);
                default:
                    throw new JsonException($"audio must be base64 text or bytes, not {reader.TokenType}");
            }
        }

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
