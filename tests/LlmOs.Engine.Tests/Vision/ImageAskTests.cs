using LlmOs.Engine.Assistant;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Tasks;

namespace LlmOs.Engine.Tests.Vision;

/// <summary>Asking about an image: which image intent answers, what it says in English and Spanish, and the plain replies without an image or a model.</summary>
public sealed class ImageAskTests
{
    private const string EagleSentence = "It looks like a bald eagle (87%). It could also be a kite or a vulture.";

    [Theory]
    [InlineData("what is in this picture")]
    [InlineData("What do you see?")]
    [InlineData("describe this image")]
    [InlineData("what is this")]
    [InlineData("set a timer for ten minutes")] // an unrelated sentence about an image: it is described
    [InlineData("")]
    [InlineData("  ?")]
    public async Task An_image_with_a_question_about_it_or_none_is_described(string utterance)
    {
        await using var harness = new ImageAskHarness();

        var result = await harness.AskAsync(utterance);

        Assert.Equal(("image.describe", AskHandlers.Skill, EagleSentence), (result.Intent, result.Handler, result.Text));
        Assert.Null(result.Action);
        Assert.Equal("bald eagle", result.Slots["label"]);
        Assert.Equal(0.87, result.Slots["probability"]);
        Assert.Equal("bald eagle\nkite\nvulture\nhawk\nowl", result.Slots["labels"]);
        Assert.Equal(VisionHarness.Classifier, result.Slots["model"]);
    }

    [Theory]
    [InlineData("read the text in this image")]
    [InlineData("what does it say")]
    [InlineData("read this screenshot to me")]
    [InlineData("transcribe the text")]
    public async Task An_image_with_a_request_to_read_it_gets_its_text(string utterance)
    {
        await using var harness = new ImageAskHarness();
        harness.Vision.Ocr.Text = "OPEN 9-17\nMonday to Friday";

        var result = await harness.AskAsync(utterance);

        Assert.Equal(("image.read_text", AskHandlers.Skill, "OPEN 9-17\nMonday to Friday"), (result.Intent, result.Handler, result.Text));
        Assert.Equal("OPEN 9-17\nMonday to Friday", result.Slots["text"]);
        Assert.Equal(2L, result.Slots["lines"]);
        Assert.Equal(91.3, result.Slots["confidence"]);
        Assert.Equal("eng", result.Slots["language"]);
        Assert.True(result.Confidence >= 0.8);
        Assert.Equal("templates", Assert.Single(result.Stages, s => s.Decided).Recognizer);
    }

    [Theory]
    [InlineData("qué hay en esta imagen", "image.describe", "Parece ser bald eagle (87 %). También podría ser kite o vulture.")]
    [InlineData("describe esta foto", "image.describe", "Parece ser bald eagle (87 %). También podría ser kite o vulture.")]
    [InlineData("lee el texto de esta imagen", "image.read_text", "CERRADO")]
    [InlineData("qué pone en la captura", "image.read_text", "CERRADO")]
    public async Task Spanish_questions_about_an_image_are_answered_in_spanish(string utterance, string intent, string text)
    {
        await using var harness = new ImageAskHarness();
        harness.Vision.Ocr.Text = "CERRADO";

        var result = await harness.AskAsync(utterance, "es");

        Assert.Equal((intent, text, "es"), (result.Intent, result.Text, result.Language));
        if (intent == "image.read_text")
        {
            Assert.Equal(["spa"], harness.Vision.Ocr.Calls); // the asking language's OCR language, installed here
        }
    }

    [Theory]
    [InlineData("what is in this picture", null, "image.describe", "Attach an image to ask about it (llmosctl ask --image FILE …).")]
    [InlineData("read the text in this image", null, "image.read_text", "Attach an image to ask about it (llmosctl ask --image FILE …).")]
    [InlineData("qué hay en esta imagen", "es", "image.describe", "Adjunta una imagen para preguntar por ella (llmosctl ask --image ARCHIVO …).")]
    public async Task Without_an_image_the_image_intents_say_to_attach_one(string utterance, string? language, string intent, string text)
    {
        await using var harness = new ImageAskHarness();

        var result = await harness.AskAsync(utterance, language, withImage: false);

        Assert.Equal((intent, text), (result.Intent, result.Text));
        Assert.Null(result.Action);
        Assert.Empty(result.Slots);
        Assert.Equal(0, harness.Vision.Vision.LoadCount);
        Assert.Empty(harness.Vision.Ocr.Calls);
    }

    [Fact]
    public async Task Without_a_classifier_the_reply_says_how_to_add_one()
    {
        await using var harness = new ImageAskHarness(withClassifier: false);

        var result = await harness.AskAsync("what is in this picture");

        Assert.Equal("image.describe", result.Intent);
        Assert.Equal("No image classifier is installed, so I can't tell what is in the picture. Add one with 'llmosctl models add MODEL.onnx --labels LABELS.json'.", result.Text);
        Assert.DoesNotContain("label", result.Slots.Keys);
    }

    [Fact]
    public async Task An_image_without_text_is_said_to_have_none()
    {
        await using var harness = new ImageAskHarness();
        harness.Vision.Ocr.Text = " \n";

        var result = await harness.AskAsync("read the text in this image");

        Assert.Equal("I found no text in this image.", result.Text);
        Assert.Equal("", result.Slots["text"]);
    }

    [Fact]
    public async Task The_classification_runs_as_the_caller_at_the_asks_priority_and_lets_go_of_the_image()
    {
        await using var harness = new ImageAskHarness();

        await harness.AskAsync("what is in this picture", priority: TaskPriority.Background);

        var classify = Assert.Single(harness.Vision.Store.List(VisionHarness.Owner), t => t.Kind == TaskKind.Classify);
        Assert.Equal((TaskPriority.Background, VisionHarness.Owner, TaskState.Completed), (classify.Priority, classify.OwnerUid, classify.State));
        Assert.Equal(Engine.Skills.Vision.ImageDescribeSkill.Top, classify.Top);
        Assert.Null(classify.Image);
    }

    [Fact]
    public async Task A_language_model_that_names_what_was_seen_gives_the_fuller_sentence()
    {
        var text = new FakeTextBackend { Pieces = ["A bald eagle ", "sits on a branch ", "by the river."] };
        await using var harness = new ImageAskHarness(withTextModel: true, text: text);

        var result = await harness.AskAsync("what is in this picture");

        Assert.Equal(("image.describe", AskHandlers.LanguageModel), (result.Intent, result.Handler));
        Assert.Equal("A bald eagle sits on a branch by the river.", result.Text);
        Assert.Equal("bald eagle", result.Slots["label"]);
        string prompt = Assert.Single(text.StartedPrompts);
        Assert.Contains("bald eagle (87%), kite (5%), vulture (3%)", prompt);
        Assert.Contains("what is in this picture", prompt);
    }

    [Fact]
    public async Task A_language_model_that_names_none_of_it_leaves_the_classifiers_sentence()
    {
        var text = new FakeTextBackend { Pieces = ["Once upon a time ", "there was a little girl."] };
        await using var harness = new ImageAskHarness(withTextModel: true, text: text);

        var result = await harness.AskAsync("what is in this picture");

        Assert.Equal(EagleSentence, result.Text);
        Assert.Single(text.StartedPrompts);
    }

    [Fact]
    public async Task A_language_model_that_fails_leaves_the_classifiers_sentence()
    {
        var text = new FakeTextBackend { Pieces = ["A bald eagle."] };
        text.FailNextLoads(1);
        await using var harness = new ImageAskHarness(withTextModel: true, text: text);

        var result = await harness.AskAsync("what is in this picture");

        Assert.Equal(EagleSentence, result.Text);
    }

    [Fact]
    public async Task Understanding_alone_sees_the_image_as_well()
    {
        await using var harness = new ImageAskHarness();

        var understood = await harness.Service.UnderstandAsync(ImageAskHarness.Request("transcribe the text"), CancellationToken.None);
        var described = await harness.Service.UnderstandAsync(ImageAskHarness.Request("open firefox"), CancellationToken.None);
        var plain = await harness.Service.UnderstandAsync(ImageAskHarness.Request("describe this image", withImage: false), CancellationToken.None);

        Assert.Equal(("image.read_text", "templates"), (understood.Best.Intent, understood.Recognizer));
        Assert.Equal("image.describe", described.Best.Intent);
        Assert.Equal("image.describe", plain.Best.Intent);
        Assert.Empty(harness.Vision.Store.List(VisionHarness.Owner));
    }
}
