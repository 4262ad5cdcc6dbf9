using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LlmOs.Integration.Tests.Ask;
using LlmOs.Integration.Tests.Infrastructure;

namespace LlmOs.Integration.Tests.Vision;

/// <summary>
/// A daemon for the vision tests: the intent engine's test setup (<see cref="AskDaemon"/>), MobileNet v2 in its models
/// folder as <c>mobilenet</c> with the ImageNet labels beside it (<c>mobilenet.labels.json</c>), and helpers that send
/// images the way clients do.
/// </summary>
public static class VisionDaemon
{
    public const string Model = "mobilenet";

    public static string MobileNet => Path.Combine(TestPaths.Models, "mobilenetv2-12-int8.onnx");

    public static string LabelsFile => Path.Combine(TestPaths.Models, "imagenet-simple-labels.json");

    public static DaemonProcess.Options Options(string directory, bool withTextModel = false, IReadOnlyDictionary<string, string>? environment = null, string? busAddress = null)
    {
        var options = AskDaemon.Options(directory, withTextModel, busAddress);
        string models = Path.Combine(directory, "data", "models");
        Directory.CreateDirectory(models);
        File.Copy(MobileNet, Path.Combine(models, Model + ".onnx"));
        File.Copy(LabelsFile, Path.Combine(models, Model + ".labels.json"));
        var variables = new Dictionary<string, string>(options.Environment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return options with { Environment = variables };
    }

    public static Task<DaemonProcess> StartAsync(string directory, bool withTextModel = false, IReadOnlyDictionary<string, string>? environment = null) =>
        DaemonProcess.StartAsync(Options(directory, withTextModel, environment));

    /// <summary>POSTs the file's bytes to <c>/v1/images/{what}</c> and returns the status and the parsed body.</summary>
    public static async Task<(int Status, JsonElement Body)> PostImageAsync(HttpClient http, string what, byte[] image, string query = "", CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var response = await http.PostAsync($"v1/images/{what}{query}", content, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }

    /// <summary>The labels of a classification, best first.</summary>
    public static List<(string Label, double Probability)> Labels(JsonElement classification) =>
        [.. classification.GetProperty("labels").EnumerateArray().Select(l => (l.GetProperty("label").GetString()!, l.GetProperty("probability").GetDouble()))];

    public static async Task AssertHealthyAsync(DaemonProcess daemon)
    {
        Assert.False(daemon.Process.HasExited, daemon.Log);
        Assert.Equal("ok", (await daemon.Client.HealthAsync()).Status);
    }
}
