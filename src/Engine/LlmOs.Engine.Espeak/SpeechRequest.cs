namespace LlmOs.Engine.Espeak;

/// <summary>A checked request: the text as espeak-ng gets it, the voice as asked and as espeak-ng names it, the rate.</summary>
internal sealed record SpeechRequest(string Text, string Voice, string EspeakVoice, int Rate);
