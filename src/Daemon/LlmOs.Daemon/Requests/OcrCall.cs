using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Vision;

namespace LlmOs.Daemon.Requests;

/// <summary>A checked text recognition request: the decoded image, tesseract's language (null: "eng") and its priority.</summary>
internal sealed record OcrCall(RgbImage Image, string? Language, TaskPriority Priority);
