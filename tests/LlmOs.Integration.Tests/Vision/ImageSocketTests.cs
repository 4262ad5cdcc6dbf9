using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Capabilities;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>
/// Classification and text recognition over the socket against the real daemon, MobileNet v2 and tesseract: the
/// shortcuts with the file as the body, the task kinds with base64, the models list and the capabilities.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ImageSocketTests(VisionDaemonFixture fixture) : IClassFixture<VisionDaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    [Fact]
    public async Task The_eagle_photo_is_a_bald_eagle_at_top_1_with_five_labels_best_first()
    {
        var (status, body) = await VisionDaemon.PostImageAsync(_daemon.Http, "classify", Pictures.Eagle);

        Assert.True(status == 200, body.ToString());
        Assert.Equal(["model", "labels"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(VisionDaemon.Model, body.GetProperty("model").GetString());
        var labels = VisionDaemon.Labels(body);
        Assert.Equal(5, labels.Count);
        Assert.Equal("bald eagle", labels[0].Label);
        Assert.True(labels.Zip(labels.Skip(1)).All(pair => pair.First.Probability >= pair.Second.Probability), body.ToString());
        Assert.InRange(labels.Sum(l => l.Probability), 0, 1.0001);

        var (topStatus, top) = await VisionDaemon.PostImageAsync(_daemon.Http, "classify", Pictures.Eagle, $"?model={VisionDaemon.Model}&top=2&priority=background");
        Assert.Equal(200, topStatus);
        Assert.Equal(labels.Take(2).Select(l => l.Label), VisionDaemon.Labels(top).Select(l => l.Label));
    }

    [Fact]
    public async Task A_classify_task_with_the_image_in_base64_completes_with_labels_and_the_best_one_as_text()
    {
        string body = $$$"""{"kind":"classify","input":{"image":"{{{Convert.ToBase64String(Pictures.Eagle)}}}"},"options":{"top":3}}""";
        using var response = await _daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(body));
        var task = await TaskWire.ReadTaskAsync(response);

        Assert.Equal("classify", task.Kind);
        Assert.Equal("completed", task.State);
        Assert.Equal(VisionDaemon.Model, task.Model);
        Assert.Equal("bald eagle", task.Result!.Text);
        Assert.Equal(3, task.Result.Labels!.Count);
        Assert.Equal("bald eagle", task.Result.Labels[0].Label);

        // Streamed, as every kind.
        string streamed = $$"""{"kind":"classify","input":{"image":"{{Convert.ToBase64String(Pictures.Eagle)}}"},"stream":true}""";
        using var stream = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(streamed));
        var events = TaskWire.ParseSse(await stream.Content.ReadAsStringAsync());
        Assert.Equal("completed", events[^1].Event);
        Assert.Equal("bald eagle", events[^1].Data.Task!.Result!.Labels![0].Label);
    }

    [Fact]
    public async Task Sixteen_concurrent_classifications_give_the_answers_one_by_one_gives()
    {
        string[] names = ["eagle.jpg", "dog.jpg", "giraffe.jpg", "horses.jpg", "person.jpg"];
        var photos = names.Select(n => File.ReadAllBytes(Pictures.Photo(n))).ToArray();
        var alone = new List<List<(string Label, double Probability)>>();
        foreach (var photo in photos)
        {
            var (status, body) = await VisionDaemon.PostImageAsync(_daemon.Http, "classify", photo);
            Assert.Equal(200, status);
            alone.Add(VisionDaemon.Labels(body));
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            var (status, body) = await VisionDaemon.PostImageAsync(_daemon.Http, "classify", photos[i % photos.Length]);
            Assert.True(status == 200, body.ToString());
            return (Index: i % photos.Length, Labels: VisionDaemon.Labels(body));
        }));

        foreach (var (index, labels) in together)
        {
            Assert.Equal(alone[index].Select(l => l.Label), labels.Select(l => l.Label));
            Assert.All(alone[index].Zip(labels), pair => Assert.Equal(pair.First.Probability, pair.Second.Probability, 3));
        }

        Assert.Equal("bald eagle", alone[0][0].Label);
    }

    [Fact]
    public async Task Rendered_text_is_read_with_at_most_three_percent_character_errors_with_lines_and_boxes()
    {
        byte[] png = Pictures.TextPng(Pictures.ThreeLines);
        var (status, body) = await VisionDaemon.PostImageAsync(_daemon.Http, "ocr", png, "?language=en");

        Assert.True(status == 200, body.ToString());
        Assert.Equal(["text", "confidence", "lines"], body.EnumerateObject().Select(p => p.Name));
        string text = body.GetProperty("text").GetString()!;
        Assert.True(CharacterErrors.Rate(Pictures.ThreeLinesText, text) <= 0.03, $"read:\n{text}");
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 50, 100);
        var lines = body.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(3, lines.Count);
        var box = lines[0].GetProperty("box");
        Assert.True(box.GetProperty("width").GetInt32() > 0 && box.GetProperty("height").GetInt32() > 0, box.ToString());

        // The task kind reads the same, in base64.
        string request = $$$"""{"kind":"ocr","input":{"image":"{{{Convert.ToBase64String(png)}}}"},"options":{"language":"eng"}}""";
        using var response = await _daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(request));
        var task = await TaskWire.ReadTaskAsync(response);
        Assert.Equal(("ocr", "completed", "tesseract"), (task.Kind, task.State, task.Model));
        Assert.Equal(text, task.Result!.Text);
        Assert.Equal(3, task.Result.Lines!.Count);
        Assert.NotNull(task.Result.Confidence);
    }

    [Fact]
    public async Task The_models_list_shows_mobilenet_as_a_vision_model_and_the_capabilities_name_it_and_the_ocr_languages()
    {
        var model = Assert.Single((await _daemon.Client.ListModelsAsync()).Data, m => m.Id == VisionDaemon.Model);
        Assert.Equal(("vision", "onnx"), (model.Kind, model.Format));
        Assert.EndsWith("mobilenet.labels.json", model.Labels);

        var capabilities = await _daemon.Client.GetCapabilitiesAsync();
        Assert.Contains(capabilities.Classification.State, (string[])[CapabilityStates.Available, CapabilityStates.Ready]);
        Assert.Equal([VisionDaemon.Model], capabilities.Classification.Models);
        Assert.Equal(CapabilityStates.Ready, capabilities.Ocr.State);
        Assert.Contains("eng", capabilities.Ocr.Models);
    }

    [Theory]
    [InlineData("classify", "random", 415, "unsupported_media")]
    [InlineData("classify", "truncated", 415, "unsupported_media")]
    [InlineData("classify", "bomb", 413, "too_large")]
    [InlineData("ocr", "random", 415, "unsupported_media")]
    [InlineData("ocr", "bomb", 413, "too_large")]
    [InlineData("classify", "empty", 400, "invalid_input")]
    public async Task Bad_files_are_refused_with_their_code_and_the_daemon_stays_healthy(string what, string file, int status, string code)
    {
        byte[] bytes = file switch
        {
            "random" => Pictures.RandomBytes(8192, seed: 7),
            "truncated" => Pictures.TruncatedJpeg,
            "bomb" => Pictures.PngDeclaring(100_000, 100_000),
            _ => [],
        };

        var (actual, body) = await VisionDaemon.PostImageAsync(_daemon.Http, what, bytes);

        Assert.True(actual == status, body.ToString());
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("body", body.GetProperty("error").GetProperty("field").GetString());
        await VisionDaemon.AssertHealthyAsync(_daemon);
    }

    [Theory]
    [InlineData("""{"kind":"classify","input":{"image":"not base64!"}}""", 400, "invalid_input", "input.image")]
    [InlineData("""{"kind":"classify","input":{"image":"aGVsbG8gd29ybGQ="}}""", 415, "unsupported_media", "input.image")]
    [InlineData("""{"kind":"classify","input":{"image":"aGVsbG8="},"options":{"top":0}}""", 400, "invalid_input", "options.top")]
    [InlineData("""{"kind":"classify","input":{"prompt":"hi"}}""", 400, "invalid_input", "input.prompt")]
    [InlineData("""{"kind":"classify","input":{"image":"PNG"},"options":{"model":"no-such-model"}}""", 404, "model_not_found", null)]
    [InlineData("""{"kind":"classify","input":{"image":"PNG"},"options":{"model":"all-minilm-l6-v2"}}""", 400, "invalid_input", null)]
    [InlineData("""{"kind":"ocr","input":{"image":"PNG"},"options":{"language":"klingon"}}""", 400, "invalid_input", "options.language")]
    [InlineData("""{"kind":"ocr","input":{"image":"aGVsbG8="},"options":{"top":3}}""", 400, "invalid_input", "options.top")]
    public async Task Bad_image_tasks_are_refused_naming_the_field(string body, int status, string code, string? field)
    {
        // "PNG" stands for a real image, where what is wrong is not the image.
        body = body.Replace("\"PNG\"", "\"" + Convert.ToBase64String(Pictures.SmallPng(Pictures.Eagle, 32)) + "\"", StringComparison.Ordinal);
        using var response = await _daemon.Http.PostAsync("v1/tasks", UnixHttp.Json(body));
        var error = await TaskWire.ReadErrorAsync(response);

        Assert.True((int)response.StatusCode == status, error.ToString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        if (field is not null)
        {
            Assert.Equal(field, error.GetProperty("field").GetString());
        }

        await VisionDaemon.AssertHealthyAsync(_daemon);
    }

    [Theory]
    [InlineData("classify", "?topp=3", "topp")]
    [InlineData("classify", "?top=many", "top")]
    [InlineData("classify", "?top=0", "top")]
    [InlineData("classify", "?language=eng", "language")]
    [InlineData("ocr", "?language=..%2Fetc", "language")]
    [InlineData("ocr", "?top=3", "top")]
    [InlineData("ocr", "?model=x", "model")]
    public async Task A_bad_query_is_refused_by_name_before_the_image_is_read(string what, string query, string field)
    {
        var (status, body) = await VisionDaemon.PostImageAsync(_daemon.Http, what, Pictures.Eagle, query);

        Assert.True(status == 400, body.ToString());
        Assert.Equal(field, body.GetProperty("error").GetProperty("field").GetString());
    }
}
