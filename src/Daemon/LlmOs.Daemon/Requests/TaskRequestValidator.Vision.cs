using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Vision;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Requests;

internal sealed partial class TaskRequestValidator
{
    public const int DefaultTop = 5;
    public const int MaxTop = 100;

    /// <summary>
    /// A <c>classify</c> task: <c>input.image</c> (required, base64) and the options <c>model</c>, <c>top</c> (1 to 100,
    /// default 5) and <c>priority</c>. Everything else is refused naming the field; the image is decoded last, once the
    /// cheap checks have passed.
    /// </summary>
    public ClassifyCall ValidateClassify(TaskSubmitRequest request)
    {
        string image = ImageInputOf(request.Input, TaskSubmitter.ClassifyKind);
        var (model, top, priority) = CheckClassifyOptions(request.Options, "options.");
        return new ClassifyCall(DecodeImage(image, "input.image"), model, top, priority);
    }

    /// <summary>An <c>ocr</c> task: <c>input.image</c> (required, base64) and the options <c>language</c> and <c>priority</c>.</summary>
    public OcrCall ValidateOcr(TaskSubmitRequest request)
    {
        string image = ImageInputOf(request.Input, TaskSubmitter.OcrKind);
        var (language, priority) = CheckOcrOptions(request.Options, "options.");
        return new OcrCall(DecodeImage(image, "input.image"), language, priority);
    }

    /// <summary>A classification's options; <paramref name="prefix"/> is how the caller's transport names them ("options.", or "" for a query).</summary>
    public static (string? Model, int Top, TaskPriority Priority) CheckClassifyOptions(TaskOptions? options, string prefix)
    {
        options ??= new TaskOptions();
        if (FirstOptionBesides(options, "model", "top") is { } other)
        {
            throw Invalid(prefix + other, $"'{other}' is not an option of classify tasks; they take 'model', 'top' and 'priority'");
        }

        if (options.Model is { } model && (model.Length == 0 || model.Length > 256))
        {
            throw Invalid(prefix + "model", "'model' must be a model name");
        }

        int top = options.Top ?? DefaultTop;
        if (top is < 1 or > MaxTop)
        {
            throw Invalid(prefix + "top", $"'top' must be between 1 and {MaxTop}");
        }

        return (options.Model, top, Priority(options.Priority, prefix + "priority"));
    }

    /// <summary>A text recognition's options: <c>language</c> (tesseract's name, an ISO 639-1 code or a locale) and <c>priority</c>.</summary>
    public static (string? Language, TaskPriority Priority) CheckOcrOptions(TaskOptions? options, string prefix)
    {
        options ??= new TaskOptions();
        if (FirstOptionBesides(options, "language") is { } other)
        {
            throw Invalid(prefix + other, $"'{other}' is not an option of ocr tasks; they take 'language' and 'priority'");
        }

        string? language = null;
        if (options.Language is { } given)
        {
            language = OcrLanguages.ToTesseract(given)
                ?? throw Invalid(prefix + "language", $"'{Shorten(given)}' is no language name; give tesseract's (\"eng\", \"spa\") or a code (\"en\", \"es\")");
        }

        return (language, Priority(options.Priority, prefix + "priority"));
    }

    /// <summary>An image in base64 decoded at the boundary (<see cref="ImageInput"/>); a daemon without a decoder refuses it.</summary>
    public RgbImage DecodeImage(string base64, string field) =>
        (images ?? throw new EngineException(ErrorKind.Unsupported, "this daemon decodes no images", field)).FromBase64(base64, field);

    /// <summary>Refuses <c>options.top</c> for the kinds that are not <c>classify</c> (a typo must not pass silently).</summary>
    internal static void RefuseClassifyOptions(TaskOptions? options)
    {
        if (options?.Top is not null)
        {
            throw Invalid("options.top", "'top' is for classify tasks");
        }
    }

    /// <summary>The base64 image of a classify or ocr task's input, which may hold nothing else.</summary>
    private static string ImageInputOf(TaskInput? input, string kind)
    {
        string? other = input is null ? null
            : input.Prompt is not null ? "input.prompt"
            : input.Texts is not null ? "input.texts"
            : input.Text is not null ? "input.text"
            : input.Intent is not null ? "input.intent"
            : input.Slots is not null ? "input.slots"
            : input.Utterance is not null ? "input.utterance"
            : null;
        if (other is not null)
        {
            throw Invalid(other, $"'{other}' is not an input of {kind} tasks; they take only 'input.image'");
        }

        return input?.Image ?? throw Invalid("input.image", "'input.image' is required: the image file's bytes in base64");
    }

    /// <summary>The wire name of the first option given that is neither <c>priority</c> nor one of <paramref name="taken"/>; null when there is none.</summary>
    private static string? FirstOptionBesides(TaskOptions options, params ReadOnlySpan<string> taken)
    {
        (string Name, bool Given)[] given =
        [
            ("model", options.Model is not null),
            ("max_tokens", options.MaxTokens is not null),
            ("temperature", options.Temperature is not null),
            ("top_p", options.TopP is not null),
            ("seed", options.Seed is not null),
            ("stop", options.Stop is not null),
            ("keep_alive", options.KeepAlive is not null),
            ("language", options.Language is not null),
            ("time_zone", options.TimeZone is not null),
            ("top", options.Top is not null),
            ("voice", options.Voice is not null),
            ("speed", options.Speed is not null),
            ("sample_rate", options.SampleRate is not null),
            ("speak", options.Speak is not null),
        ];
        foreach (var (name, isGiven) in given)
        {
            if (isGiven && !taken.Contains(name))
            {
                return name;
            }
        }

        return null;
    }
}
