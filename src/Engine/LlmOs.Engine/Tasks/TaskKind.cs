namespace LlmOs.Engine.Tasks;

/// <summary>What a task does; the wire names are the lower-case words.</summary>
public enum TaskKind
{
    Generate,
    Embed,

    /// <summary>A request handed to an app's intent handler (see <see cref="Intents.IntentRegistry"/>).</summary>
    Intent,

    /// <summary>An utterance to understand and act on (see <c>LlmOs.Engine.Assistant.AskService</c>).</summary>
    Ask,

    /// <summary>An image to classify with a <see cref="Models.ModelKind.Vision"/> model.</summary>
    Classify,

    /// <summary>An image whose text to read (OCR); its model is <see cref="TaskRecord.OcrModelName"/>.</summary>
    Ocr,

    /// <summary>Audio to text with a <see cref="Models.ModelKind.Speech"/> model (Whisper), or the command grammar when none is installed.</summary>
    Transcribe,

    /// <summary>A spoken command: audio to transcript to intent (as <see cref="Ask"/>) to reply, spoken back when asked.</summary>
    Voice,

    /// <summary>Text to speech (espeak-ng); its model is <see cref="TaskRecord.SpeechSynthesisModelName"/>.</summary>
    Speak,
}
