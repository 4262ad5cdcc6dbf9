using System.Text.Json;
using LlmOs.Integration.Tests.Ask;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>Questions about an image over the socket: what is in it (classification) and what it says (text recognition).</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ImageAskTests(VisionDaemonFixture fixture) : IClassFixture<VisionDaemonFixture>
{
    private readonly DaemonProcess _daemon = fixture.Daemon;

    private static string ImageField(byte[] image) => $"\"image\":\"{Convert.ToBase64String(image)}\"";

    [Fact]
    public async Task What_is_in_this_picture_with_the_eagle_is_image_describe_naming_a_bald_eagle()
    {
        var (status, body) = await AskDaemon.AskAsync(_daemon.Http, "what is in this picture?", ImageField(Pictures.Eagle));

        Assert.True(status == 200, body.ToString());
        Assert.Equal("image.describe", body.GetProperty("intent").GetString());
        Assert.Contains("bald eagle", body.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Read_the_text_in_this_image_is_image_read_text_with_the_rendered_text()
    {
        var (status, body) = await AskDaemon.AskAsync(_daemon.Http, "read the text in this image", ImageField(Pictures.TextPng(Pictures.ThreeLines)));

        Assert.True(status == 200, body.ToString());
        Assert.Equal("image.read_text", body.GetProperty("intent").GetString());
        string text = body.GetProperty("text").GetString()!;
        foreach (string words in (string[])["quick brown fox", "five dozen liquor jugs", "black quartz"])
        {
            Assert.Contains(words, text);
        }
    }

    [Fact]
    public async Task An_ask_task_carries_its_image_in_base64_and_a_bad_image_is_refused_by_its_field()
    {
        string request = $$$"""{"kind":"ask","input":{"utterance":"what is in this picture?","image":"{{{Convert.ToBase64String(Pictures.Eagle)}}}"},"options":{"time_zone":"UTC"}}""";
        using (var response = await _daemon.Http.PostAsync("v1/tasks?wait=true", UnixHttp.Json(request)))
        {
            var task = await TaskWire.ReadTaskAsync(response);
            Assert.Equal(("ask", "completed", "image.describe"), (task.Kind, task.State, task.Result!.Intent));
            Assert.Contains("bald eagle", task.Result.Text, StringComparison.OrdinalIgnoreCase);
        }

        var (status, body) = await AskDaemon.AskAsync(_daemon.Http, "what is in this picture?", ImageField(Pictures.RandomBytes(2048, seed: 3)));
        Assert.Equal(415, status);
        Assert.Equal(("unsupported_media", "image"), (AskDaemon.ErrorCode(body), body.GetProperty("error").GetProperty("field").GetString()));

        var (bad, badBody) = await AskDaemon.AskAsync(_daemon.Http, "what is in this picture?", "\"image\":\"*not base64*\"");
        Assert.Equal(400, bad);
        Assert.Equal("invalid_input", AskDaemon.ErrorCode(badBody));
        await VisionDaemon.AssertHealthyAsync(_daemon);
    }
}
