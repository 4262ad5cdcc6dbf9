using System.Text;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Engine.Errors;
using LlmOs.Engine.Scheduling;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Tests.Vision;

/// <summary>The classify and ocr kinds at the boundary: the image in base64 (checked before it is decoded), the fields each kind takes, top and language.</summary>
public sealed class VisionValidatorTests
{
    private const int MaxImageBytes = 30;

    private readonly RecordingDecoder _decoder = new();
    private readonly TaskRequestValidator _validator;

    public VisionValidatorTests()
    {
        var settings = new DaemonSettings { MaxImageBytes = MaxImageBytes, MaxImagePixels = 1234 };
        _validator = new TaskRequestValidator(settings, new ImageInput(settings, _decoder));
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    private static TaskSubmitRequest Classify(string? image, TaskOptions? options = null, TaskInput? input = null) =>
        new("classify", input ?? new TaskInput(null, Image: image), options);

    private static TaskSubmitRequest Ocr(string? image, TaskOptions? options = null) =>
        new("ocr", new TaskInput(null, Image: image), options);

    private EngineException Refused(Action validate, ErrorKind kind, string field)
    {
        var e = Assert.Throws<EngineException>(validate);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(field, e.Field);
        return e;
    }

    [Fact]
    public void A_classify_task_decodes_its_image_once_with_the_settings_limits_and_takes_the_defaults()
    {
        var call = _validator.ValidateClassify(Classify(Base64("IMG of a bird")));

        Assert.Equal("IMG of a bird", Encoding.ASCII.GetString(Assert.Single(_decoder.Decoded)));
        Assert.Equal((MaxImageBytes, 1234L), (_decoder.LastLimits!.MaxBytes, _decoder.LastLimits.MaxPixels));
        Assert.Equal((2, 1), (call.Image.Width, call.Image.Height));
        Assert.Null(call.Model);
        Assert.Equal(TaskRequestValidator.DefaultTop, call.Top);
        Assert.Equal(TaskPriority.Interactive, call.Priority);

        var chosen = _validator.ValidateClassify(Classify(Base64("IMG"), new TaskOptions(Model: "mobilenet", Top: 3, Priority: "background")));
        Assert.Equal(("mobilenet", 3, TaskPriority.Background), (chosen.Model, chosen.Top, chosen.Priority));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("SU1H=")]
    [InlineData("data:image/png;base64,SU1H")]
    public void Bad_base64_is_invalid_input_naming_input_image_and_nothing_is_decoded(string image)
    {
        var e = Refused(() => _validator.ValidateClassify(Classify(image)), ErrorKind.InvalidInput, "input.image");

        Assert.StartsWith("input.image is not base64", e.Message);
        Assert.Empty(_decoder.Decoded);
    }

    [Fact]
    public void An_image_over_the_limit_is_refused_by_its_base64_length_before_decoding()
    {
        // 31 bytes: over 30. Its base64 is 44 characters, one padding.
        Refused(() => _validator.ValidateClassify(Classify(Base64("IMG" + new string('x', 28)))), ErrorKind.TooLarge, "input.image");

        // Not even base64: the length alone decides, so no decoding of any kind is attempted.
        Refused(() => _validator.ValidateOcr(Ocr(new string('!', 44))), ErrorKind.TooLarge, "input.image");
        Assert.Empty(_decoder.Decoded);

        // Exactly at the limit passes.
        _validator.ValidateClassify(Classify(Base64("IMG" + new string('x', 27))));
        Assert.Equal(MaxImageBytes, Assert.Single(_decoder.Decoded).Length);
    }

    [Fact]
    public void A_missing_or_empty_image_and_data_that_is_no_image_are_refused_naming_input_image()
    {
        Refused(() => _validator.ValidateClassify(Classify(null)), ErrorKind.InvalidInput, "input.image");
        Refused(() => _validator.ValidateClassify(new TaskSubmitRequest("classify", null, null)), ErrorKind.InvalidInput, "input.image");
        Refused(() => _validator.ValidateOcr(Ocr("")), ErrorKind.InvalidInput, "input.image");
        var e = Refused(() => _validator.ValidateOcr(Ocr(Base64("GIF89a but not really"))), ErrorKind.UnsupportedMedia, "input.image");
        Assert.Equal("not an image of a known format", e.Message);
    }

    [Theory]
    [InlineData("input.prompt")]
    [InlineData("input.texts")]
    [InlineData("input.text")]
    [InlineData("input.intent")]
    [InlineData("input.utterance")]
    public void Other_inputs_are_refused_by_name(string field)
    {
        var input = field switch
        {
            "input.prompt" => new TaskInput("hi", Image: Base64("IMG")),
            "input.texts" => new TaskInput(null, Texts: ["a"], Image: Base64("IMG")),
            "input.text" => new TaskInput(null, Text: "a", Image: Base64("IMG")),
            "input.intent" => new TaskInput(null, Intent: "a.b", Image: Base64("IMG")),
            _ => new TaskInput(null, Utterance: "what is this", Image: Base64("IMG")),
        };

        Refused(() => _validator.ValidateClassify(Classify(null, input: input)), ErrorKind.InvalidInput, field);
        Refused(() => _validator.ValidateOcr(new TaskSubmitRequest("ocr", input, null)), ErrorKind.InvalidInput, field);
        Assert.Empty(_decoder.Decoded);
    }

    [Fact]
    public void Options_of_other_kinds_are_refused_by_name()
    {
        string image = Base64("IMG");
        Refused(() => _validator.ValidateClassify(Classify(image, new TaskOptions(MaxTokens: 5))), ErrorKind.InvalidInput, "options.max_tokens");
        Refused(() => _validator.ValidateClassify(Classify(image, new TaskOptions(Language: "eng"))), ErrorKind.InvalidInput, "options.language");
        Refused(() => _validator.ValidateClassify(Classify(image, new TaskOptions(Priority: "soon"))), ErrorKind.InvalidInput, "options.priority");
        Refused(() => _validator.ValidateOcr(Ocr(image, new TaskOptions(Top: 3))), ErrorKind.InvalidInput, "options.top");
        Refused(() => _validator.ValidateOcr(Ocr(image, new TaskOptions(Model: "mobilenet"))), ErrorKind.InvalidInput, "options.model");
        Refused(() => _validator.ValidateOcr(Ocr(image, new TaskOptions(TimeZone: "UTC"))), ErrorKind.InvalidInput, "options.time_zone");

        // And the classify option is refused by the kinds that do not take it.
        Refused(() => _validator.Validate(new TaskSubmitRequest("generate", new TaskInput("hi"), new TaskOptions(Top: 3)), 1), ErrorKind.InvalidInput, "options.top");
        Refused(() => _validator.ValidateEmbed(new TaskSubmitRequest("embed", new TaskInput(null, Text: "hi"), new TaskOptions(Top: 3))), ErrorKind.InvalidInput, "options.top");
        Refused(() => _validator.Validate(new TaskSubmitRequest("generate", new TaskInput("hi", Image: image)), 1), ErrorKind.InvalidInput, "input.image");
        Assert.Empty(_decoder.Decoded);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Top_is_between_1_and_100(int top, bool valid)
    {
        var request = Classify(Base64("IMG"), new TaskOptions(Top: top));
        if (valid)
        {
            Assert.Equal(top, _validator.ValidateClassify(request).Top);
        }
        else
        {
            Refused(() => _validator.ValidateClassify(request), ErrorKind.InvalidInput, "options.top");
            Assert.Empty(_decoder.Decoded);
        }
    }

    [Theory]
    [InlineData("eng", "eng")]
    [InlineData("en", "eng")]
    [InlineData("EN", "eng")]
    [InlineData("es", "spa")]
    [InlineData("spa", "spa")]
    [InlineData("es_ES.UTF-8", "spa")]
    [InlineData("en_GB", "eng")]
    [InlineData("pt-BR", "por")]
    [InlineData("de_DE@euro", "deu")]
    [InlineData("zh", "chi_sim")]
    [InlineData("chi_sim", "chi_sim")]
    [InlineData("en+es", "eng+spa")]
    [InlineData("eng+fra", "eng+fra")]
    public void Languages_become_tesseract_names(string given, string tesseract)
    {
        Assert.Equal(tesseract, OcrLanguages.ToTesseract(given));
        Assert.Equal(tesseract, _validator.ValidateOcr(Ocr(Base64("IMG"), new TaskOptions(Language: given))).Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("xx")]
    [InlineData("../../etc/passwd")]
    [InlineData("eng;rm")]
    [InlineData("eng+")]
    [InlineData("/usr/share/tessdata/eng")]
    public void What_cannot_be_a_language_name_is_refused(string given)
    {
        Assert.Null(OcrLanguages.ToTesseract(given));
        Refused(() => _validator.ValidateOcr(Ocr(Base64("IMG"), new TaskOptions(Language: given))), ErrorKind.InvalidInput, "options.language");
        Assert.Empty(_decoder.Decoded);
    }

    [Fact]
    public void No_language_leaves_the_choice_to_the_engine()
    {
        var call = _validator.ValidateOcr(Ocr(Base64("IMG")));
        Assert.Null(call.Language);
        Assert.Equal(TaskPriority.Interactive, call.Priority);
    }

    [Fact]
    public void The_max_decoded_length_of_base64_is_three_bytes_per_four_characters_less_padding()
    {
        foreach (int length in (int[])[1, 2, 3, 4, 29, 30, 31, 1000])
        {
            string base64 = Convert.ToBase64String(new byte[length]);
            Assert.Equal(length, ImageInput.MaxDecodedLength(base64));
            Assert.Equal(base64.Length, ImageInput.Base64Length(length));
        }
    }
}
