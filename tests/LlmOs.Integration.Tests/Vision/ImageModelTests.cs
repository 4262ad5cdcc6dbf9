using System.Text.Json;
using LlmOs.Integration.Tests.Infrastructure;
using LlmOs.Ipc.Capabilities;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>An image classifier added through <c>POST /v1/models</c> with its labels, as <c>llmosctl models add --labels</c> does it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ImageModelTests
{
    [Fact]
    public async Task A_classifier_added_with_its_labels_is_a_vision_model_that_classifies_and_survives_a_restart()
    {
        using var dir = new TempDir();
        string files = Directory.CreateDirectory(dir.File("files")).FullName;
        string model = Path.Combine(files, "classifier.onnx");
        string labels = Path.Combine(files, "names.json"); // not beside it under the usual name: only the request says where
        File.Copy(VisionDaemon.MobileNet, model);
        File.Copy(VisionDaemon.LabelsFile, labels);
        var options = new DaemonProcess.Options { Directory = dir.Path, WithModel = false };

        await using (var daemon = await DaemonProcess.StartAsync(options))
        {
            var before = await daemon.Client.GetCapabilitiesAsync();
            Assert.Equal(CapabilityStates.NeedsModel, before.Classification.State);

            // Without its labels a classifier cannot be added: nothing names its outputs.
            using (var refused = await daemon.Http.PostAsync("v1/models", UnixHttp.Json(JsonSerializer.Serialize(new { path = model, name = "mnet" }))))
            {
                Assert.False(refused.IsSuccessStatusCode);
                Assert.Contains("labels", (await TaskWire.ReadErrorAsync(refused)).GetProperty("message").GetString());
            }

            using var added = await daemon.Http.PostAsync("v1/models", UnixHttp.Json(JsonSerializer.Serialize(new { path = model, name = "mnet", labels })));
            string body = await added.Content.ReadAsStringAsync();
            Assert.True((int)added.StatusCode == 201, body);
            using (var document = JsonDocument.Parse(body))
            {
                var root = document.RootElement;
                Assert.Equal(("mnet", "vision", "onnx", labels), (root.GetProperty("id").GetString(), root.GetProperty("kind").GetString(), root.GetProperty("format").GetString(), root.GetProperty("labels").GetString()));
            }

            var (status, classified) = await VisionDaemon.PostImageAsync(daemon.Http, "classify", Pictures.Eagle, "?model=mnet&top=1");
            Assert.True(status == 200, classified.ToString());
            Assert.Equal("bald eagle", VisionDaemon.Labels(classified)[0].Label);
            Assert.Equal(["mnet"], (await daemon.Client.GetCapabilitiesAsync()).Classification.Models);
        }

        await using (var again = await DaemonProcess.StartAsync(options))
        {
            var model2 = Assert.Single((await again.Client.ListModelsAsync()).Data, m => m.Id == "mnet");
            Assert.Equal(("vision", labels), (model2.Kind, model2.Labels));
            var (status, classified) = await VisionDaemon.PostImageAsync(again.Http, "classify", Pictures.Eagle);
            Assert.True(status == 200, classified.ToString());
            Assert.Equal("mnet", classified.GetProperty("model").GetString());
        }
    }
}
