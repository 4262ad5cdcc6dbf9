using LlmOs.Daemon.Requests;
using LlmOs.Engine.Tasks;
using LlmOs.Engine.Vision;

namespace LlmOs.Daemon.Tests.Vision;

/// <summary>Classify and ocr tasks as the wire shows them: kind, labels with the best as text, the reading with its lines and boxes.</summary>
public sealed class VisionMappingTests
{
    private static readonly RgbImage Image = new(1, 1, [0, 0, 0]);

    [Fact]
    public void A_finished_classify_task_has_its_labels_best_first_and_the_best_as_its_text()
    {
        var task = new TaskRecord("c1", 1000, "mobilenet", Image, 2, TimeProvider.System);
        Assert.True(task.TryStart());
        task.CompleteClassify([new LabelScore("bald eagle", 0.9f), new LabelScore("kite", 0.05f)]);

        var dto = DtoMapper.ToDto(task);

        Assert.Equal("classify", dto.Kind);
        Assert.Equal("completed", dto.State);
        Assert.Equal("mobilenet", dto.Model);
        Assert.Equal("bald eagle", dto.Result!.Text);
        Assert.Equal([("bald eagle", 0.9), ("kite", 0.05)], dto.Result.Labels!.Select(l => (l.Label, l.Probability)));
        Assert.Null(dto.Result.Lines);

        var response = VisionMapper.ToClassifyResponse(task);
        Assert.Equal("mobilenet", response.Model);
        Assert.Equal(dto.Result.Labels, response.Labels);
    }

    [Fact]
    public void A_finished_ocr_task_has_the_text_its_confidence_and_its_lines_with_boxes()
    {
        var task = new TaskRecord("o1", 1000, Image, "eng", TimeProvider.System);
        Assert.True(task.TryStart());
        var reading = new OcrResult("Hello\nworld", 91.5f, [new OcrLine("Hello", 93.25f, 10, 20, 100, 30), new OcrLine("world", 89.75f, 10, 60, 110, 30)]);
        task.CompleteOcr(reading);

        var dto = DtoMapper.ToDto(task);

        Assert.Equal("ocr", dto.Kind);
        Assert.Equal(TaskRecord.OcrModelName, dto.Model);
        Assert.Equal("Hello\nworld", dto.Result!.Text);
        Assert.Equal(91.5, dto.Result.Confidence);
        var line = dto.Result.Lines![1];
        Assert.Equal(("world", 89.75), (line.Text, line.Confidence));
        Assert.Equal((10, 60, 110, 30), (line.Box.X, line.Box.Y, line.Box.Width, line.Box.Height));
        Assert.Null(dto.Result.Labels);

        var response = VisionMapper.ToOcrResponse(reading);
        Assert.Equal(("Hello\nworld", 91.5, 2), (response.Text, response.Confidence, response.Lines.Count));
    }

    [Fact]
    public void Probabilities_are_rounded_so_that_floats_print_as_written()
    {
        var labels = VisionMapper.Labels([new LabelScore("x", 0.1f), new LabelScore("y", 1f / 3)]);
        Assert.Equal([0.1, 0.333333], labels.Select(l => l.Probability));
    }

    [Fact]
    public void Vision_models_are_kind_vision_in_onnx_format_with_their_labels_file()
    {
        var entry = new Engine.Models.ModelEntry("mobilenet", "/m/mobilenet.onnx", Engine.Models.ModelKind.Vision, Engine.Models.ModelSource.ModelsDirectory, false, 10, null, null)
        {
            LabelsPath = "/m/mobilenet.labels.json",
        };

        var dto = DtoMapper.ToDto(entry, Engine.Scheduling.ModelWorkerState.Unloaded);

        Assert.Equal(("vision", "onnx", "/m/mobilenet.labels.json"), (dto.Kind, dto.Format, dto.Labels));
    }
}
