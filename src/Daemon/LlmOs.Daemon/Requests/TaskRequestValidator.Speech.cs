using System.Globalization;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Speech;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Ipc.Speech;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

// Speech: transcribe, voice and speak tasks, and the options their shortcuts take (the query of /v1/voice, D-Bus a{sv}).
internal sealed partial class TaskRequestValidator
{
    /// <summary>The sample rates speech is made at.</summary>
    public static readonly int[] SpeechSampleRates = [16_000, 22_050];

    /// <summary>A <c>transcribe</c> task: <c>input.audio</c> (base64, required), <c>input.prompt</c>, and the options <c>model</c>, <c>language</c>, <c>priority</c>.</summary>
    public TranscribeCall ValidateTranscribe(TaskSubmitRequest request, AudioInput audio)
    {
        string data = AudioInputOf(request.Input, TaskSubmitter.TranscribeKind, allowPrompt: true, allowText: false);
        string? prompt = request.Input?.Prompt;
        if (prompt is not null && prompt.Length > settings.MaxPromptChars)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the prompt has {prompt.Length} characters; the limit is {settings.MaxPromptChars}", "input.prompt");
        }

        var (model, options, priority) = CheckTranscribeOptions(request.Options, "options.");
        return new TranscribeCall(audio.FromBase64(data, "input.audio"), model, options with { Prompt = prompt }, priority);
    }

    /// <summary>A <c>voice</c> task: <c>input.audio</c> (base64, required) and the options <see cref="CheckVoiceOptions"/> takes.</summary>
    public static VoiceRequest ValidateVoice(TaskSubmitRequest request, uint callerUid, LanguageCatalog languages, AudioInput audio)
    {
        string data = AudioInputOf(request.Input, TaskSubmitter.VoiceKind, allowPrompt: false, allowText: false);
        var voice = CheckVoiceOptions(request.Options, "options.", callerUid, languages);
        return voice with { Clip = audio.FromBase64(data, "input.audio") };
    }

    /// <summary>A <c>speak</c> task: <c>input.text</c> (required) and the options <c>voice</c>, <c>speed</c>, <c>sample_rate</c>, <c>priority</c>.</summary>
    public SpeakCall ValidateSpeak(TaskSubmitRequest request)
    {
        var input = request.Input;
        if (input is { Audio: not null } or { Prompt: not null } or { Texts: not null } or { Utterance: not null } or { Image: not null } or { Intent: not null } or { Slots: not null })
        {
            throw Invalid("input", "a speak task takes only 'input.text'");
        }

        string text = CheckSpeechText(input?.Text, "input.text");
        var options = request.Options ?? new TaskOptions();
        if (FirstOptionBesides(options, "voice", "speed", "sample_rate") is { } other)
        {
            throw Invalid("options." + other, $"'{other}' is not an option of speak tasks; they take 'voice', 'speed', 'sample_rate' and 'priority'");
        }

        return new SpeakCall(text, CheckSpeechOptions(options.Voice, options.Speed, options.SampleRate, "options."), Priority(options.Priority, "options.priority"));
    }

    /// <summary>The body of <c>/v1/speak</c> (and D-Bus <c>Speak</c>'s text and options) as a checked call.</summary>
    public SpeakCall ValidateSpeak(SpeakRequestDto body, string prefix) => new(
        CheckSpeechText(body.Text, prefix + "text"),
        CheckSpeechOptions(body.Voice, body.Speed, body.SampleRate, prefix),
        TaskPriority.Interactive);

    /// <summary>A transcription's options: <c>model</c> (a speech model), <c>language</c> (ISO 639-1, or "auto"), <c>priority</c>.</summary>
    public static (string? Model, TranscriptionOptions Options, TaskPriority Priority) CheckTranscribeOptions(TaskOptions? options, string prefix)
    {
        options ??= new TaskOptions();
        if (FirstOptionBesides(options, "model", "language") is { } other)
        {
            throw Invalid(prefix + other, $"'{other}' is not an option of transcriptions; they take 'model', 'language' and 'priority'");
        }

        if (options.Model is { } model && (model.Length == 0 || model.Length > 256))
        {
            throw Invalid(prefix + "model", "'model' must be a model name");
        }

        return (options.Model, new TranscriptionOptions(CheckSpokenLanguage(options.Language, prefix + "language")), Priority(options.Priority, prefix + "priority"));
    }

    /// <summary>
    /// A voice task's options: <c>language</c> (an installed language pack), <c>time_zone</c>, <c>speak</c> (the reply
    /// spoken too) with <c>voice</c>, <c>speed</c>, <c>sample_rate</c> for it, and <c>priority</c>. The audio is the caller's to add.
    /// </summary>
    public static VoiceRequest CheckVoiceOptions(TaskOptions? options, string prefix, uint callerUid, LanguageCatalog languages)
    {
        options ??= new TaskOptions();
        if (FirstOptionBesides(options, "language", "time_zone", "speak", "voice", "speed", "sample_rate") is { } other)
        {
            throw Invalid(prefix + other, $"'{other}' is not an option of voice tasks; they take 'language', 'time_zone', 'speak', 'voice', 'speed', 'sample_rate' and 'priority'");
        }

        bool speak = options.Speak ?? false;
        if (!speak && (options.Voice ?? (object?)options.Speed ?? options.SampleRate) is not null)
        {
            string field = options.Voice is not null ? "voice" : options.Speed is not null ? "speed" : "sample_rate";
            throw Invalid(prefix + field, $"'{field}' says how to speak the reply: give 'speak' true too");
        }

        return new VoiceRequest(
            callerUid,
            CheckLanguage(options.Language, prefix + "language", languages),
            CheckTimeZone(options.TimeZone, prefix + "time_zone"))
        {
            SpeakReply = speak ? CheckSpeechOptions(options.Voice, options.Speed, options.SampleRate, prefix) : null,
            Priority = Priority(options.Priority, prefix + "priority"),
        };
    }

    /// <summary>How to speak: a voice name (espeak-ng's; the synthesiser says whether it is installed), words per minute, a sample rate.</summary>
    public static SpeechOptions CheckSpeechOptions(string? voice, int? speed, int? sampleRate, string prefix)
    {
        if (voice is not null && (voice.Length is 0 or > 64 || !voice.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '/')))
        {
            throw Invalid(prefix + "voice", $"'{Shorten(voice)}' is no voice name; give espeak-ng's (\"en-us\", \"en-gb\", \"es\")");
        }

        if (speed is < SpeechOptions.MinWordsPerMinute or > SpeechOptions.MaxWordsPerMinute)
        {
            throw Invalid(prefix + "speed", $"'speed' is words per minute, {SpeechOptions.MinWordsPerMinute} to {SpeechOptions.MaxWordsPerMinute}");
        }

        int rate = sampleRate ?? 22_050;
        if (!SpeechSampleRates.Contains(rate))
        {
            throw Invalid(prefix + "sample_rate", "'sample_rate' is 16000 or 22050");
        }

        return new SpeechOptions(voice, speed, rate);
    }

    /// <summary>Text to speak: required, not blank, at most <c>MaxPromptChars</c>, no control characters but white space.</summary>
    public string CheckSpeechText(string? text, string field)
    {
        if (text is not null && text.Length > settings.MaxPromptChars)
        {
            throw new EngineException(ErrorKind.TooLarge, $"the text has {text.Length} characters; the limit is {settings.MaxPromptChars}", field);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(field, $"'{field}' is required: the text to speak");
        }

        int control = text.AsSpan().IndexOfAnyInRange('\0', '\u001f');
        while (control >= 0 && text[control] is '\t' or '\n' or '\r')
        {
            int next = text.AsSpan(control + 1).IndexOfAnyInRange('\0', '\u001f');
            control = next < 0 ? -1 : control + 1 + next;
        }

        return control < 0 ? text : throw Invalid(field, $"'{field}' holds a control character (U+{(int)text[control]:X4}) at {control}; send plain text");
    }

    /// <summary>A spoken language for Whisper: an ISO 639-1 code ("en"), or null / "auto" to detect it.</summary>
    public static string? CheckSpokenLanguage(string? language, string field)
    {
        if (language is null || language == "auto")
        {
            return null;
        }

        return language.Length is 2 or 3 && language.All(char.IsAsciiLetterLower)
            ? language
            : throw Invalid(field, $"'{Shorten(language)}' is no language code; give ISO 639-1 (\"en\", \"es\") or \"auto\"");
    }

    /// <summary>Refuses the speech fields for the kinds that do not take them (a typo must not pass silently).</summary>
    internal static void RefuseSpeechFields(TaskSubmitRequest request)
    {
        if (request.Input?.Audio is not null)
        {
            throw Invalid("input.audio", "'input.audio' is for transcribe and voice tasks");
        }

        var options = request.Options;
        string? field = options is null ? null
            : options.Voice is not null ? "voice"
            : options.Speed is not null ? "speed"
            : options.SampleRate is not null ? "sample_rate"
            : options.Speak is not null ? "speak"
            : null;
        if (field is not null)
        {
            throw Invalid("options." + field, $"'{field}' is for speak and voice tasks");
        }
    }

    /// <summary>The base64 audio of a transcribe or voice task, whose input holds nothing else (a transcription may have a prompt).</summary>
    private static string AudioInputOf(TaskInput? input, string kind, bool allowPrompt, bool allowText)
    {
        string? other = input is null ? null
            : input.Prompt is not null && !allowPrompt ? "input.prompt"
            : input.Texts is not null ? "input.texts"
            : input.Text is not null && !allowText ? "input.text"
            : input.Intent is not null ? "input.intent"
            : input.Slots is not null ? "input.slots"
            : input.Utterance is not null ? "input.utterance"
            : input.Image is not null ? "input.image"
            : null;
        if (other is not null)
        {
            throw Invalid(other, $"'{other}' is not an input of {kind} tasks; they take 'input.audio'{(allowPrompt ? " and 'input.prompt'" : "")}");
        }

        return input?.Audio ?? throw Invalid("input.audio", string.Create(CultureInfo.InvariantCulture, $"'input.audio' is required: the audio file's bytes in base64"));
    }
}
