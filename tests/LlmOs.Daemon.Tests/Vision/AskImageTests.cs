using System.Text;
using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Requests;
using LlmOs.Daemon.Tests.Ask;
using LlmOs.Engine.Errors;
using LlmOs.Ipc.Tasks;

namespace LlmOs.Daemon.Tests.Vision;

/// <summary>An ask may carry an image: decoded at the boundary into the request, after the ask's own checks.</summary>
public sealed class AskImageTests
{
    private readonly RecordingDecoder _decoder = new();
    private readonly TaskRequestValidator _validator;

    public AskImageTests()
    {
        var settings = new DaemonSettings { MaxImageBytes = 100 };
        _validator = new TaskRequestValidator(settings, new ImageInput(settings, _decoder));
    }

    private static TaskSubmitRequest Ask(string utterance, string image) =>
        new("ask", new TaskInput(null, Utterance: utterance, Image: image), null);

    [Fact]
    public void An_ask_with_an_image_carries_it_decoded()
    {
        var request = _validator.ValidateAsk(Ask("what is in this picture?", Convert.ToBase64String(Encoding.ASCII.GetBytes("IMG eagle"))), 1000, Packs.EnglishAndSpanish);

        Assert.Equal("what is in this picture?", request.Utterance);
        Assert.Equal((2, 1), (request.Image!.Width, request.Image.Height));
        Assert.Equal("IMG eagle", Encoding.ASCII.GetString(Assert.Single(_decoder.Decoded)));
        Assert.Null(_validator.ValidateAsk(new TaskSubmitRequest("ask", new TaskInput(null, Utterance: "hi"), null), 1, Packs.EnglishAndSpanish).Image);
    }

    [Fact]
    public void A_bad_image_in_an_ask_is_refused_by_the_field_the_caller_used_and_a_bad_utterance_before_decoding()
    {
        var task = Assert.Throws<EngineException>(() => _validator.ValidateAsk(Ask("what is this", "%%%"), 1, Packs.EnglishAndSpanish));
        Assert.Equal((ErrorKind.InvalidInput, "input.image"), (task.Kind, task.Field));

        var shortcut = Assert.Throws<EngineException>(() => _validator.ValidateAsk(Ask("what is this", Convert.ToBase64String(new byte[101])), 1, Packs.EnglishAndSpanish, shortcut: true));
        Assert.Equal((ErrorKind.TooLarge, "image"), (shortcut.Kind, shortcut.Field));

        var media = Assert.Throws<EngineException>(() => _validator.ValidateAsk(Ask("what is this", Convert.ToBase64String(Encoding.ASCII.GetBytes("text"))), 1, Packs.EnglishAndSpanish, shortcut: true));
        Assert.Equal((ErrorKind.UnsupportedMedia, "image"), (media.Kind, media.Field));

        var blank = Assert.Throws<EngineException>(() => _validator.ValidateAsk(Ask("  ", Convert.ToBase64String(Encoding.ASCII.GetBytes("IMG"))), 1, Packs.EnglishAndSpanish));
        Assert.Equal("input.utterance", blank.Field);
        Assert.Single(_decoder.Decoded); // only the one that was no image got as far as the decoder
    }
}
