using System.Net.Http.Headers;
using System.Text.Json;
using LlmOs.Client.Speech;
using LlmOs.Ipc;
using LlmOs.Ipc.Speech;

namespace LlmOs.Client.Transport;

/// <summary>
/// <c>POST /v1/transcribe</c>, <c>POST /v1/voice</c> and <c>POST /v1/speak</c>: the audio as the raw body (a file streamed, a
/// stream chunked as it is read), the options in the query; speech comes back as <c>audio/wav</c>. Cancelling closes the
/// connection, which cancels the task.
/// </summary>
public sealed partial class UnixSocketTransport
{
    public Task<TranscriptionResponse> TranscribeAsync(LlmosAudio audio, TranscribeOptions options, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            "v1/transcribe" + Query([("model", options.Model), ("language", options.Language), .. PcmQuery(audio)]),
            AudioBody(audio),
            IpcJsonContext.Default.TranscriptionResponse,
            cancellationToken);

    public Task<VoiceResultDto> VoiceAsync(LlmosAudio audio, VoiceOptions options, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            "v1/voice" + Query(
            [
                ("language", options.Language),
                ("time_zone", options.TimeZone),
                ("speak", options.Speak ? "true" : null),
                ("voice", options.Voice),
                ("speed", options.Speed?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("sample_rate", options.SampleRate?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. PcmQuery(audio),
            ]),
            AudioBody(audio),
            IpcJsonContext.Default.VoiceResultDto,
            cancellationToken);

    public async Task<byte[]> SpeakAsync(string text, SpeakOptions options, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(
            new SpeakRequestDto(text, options.Voice, options.Speed, options.SampleRate), IpcJsonContext.Default.SpeakRequestDto));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/speak") { Content = content };
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (string Name, string? Value)[] PcmQuery(LlmosAudio audio) => audio.Pcm?.QueryParameters().ToArray() ?? [];

    /// <summary>The audio as the request's body: its bytes, its file streamed, or its stream sent in chunks as it is read.</summary>
    private static HttpContent AudioBody(LlmosAudio audio)
    {
        HttpContent content = audio switch
        {
            { Stream: { } stream } => new LiveStreamContent(stream),
            { Path: { } path } => new StreamContent(
                new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileChunkBytes, FileOptions.Asynchronous | FileOptions.SequentialScan),
                FileChunkBytes),
            _ => new ReadOnlyMemoryContent(audio.Bytes),
        };
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
