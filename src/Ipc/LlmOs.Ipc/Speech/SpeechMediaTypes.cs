namespace LlmOs.Ipc.Speech;

/// <summary>The content types of speech on the wire.</summary>
public static class SpeechMediaTypes
{
    public const string Wav = "audio/wav";

    /// <summary>Raw 16-bit little-endian mono PCM at the rate the <c>X-Sample-Rate</c> header gives (OpenAI's <c>pcm</c>).</summary>
    public const string Pcm = "audio/pcm";
}
