namespace LlmOs.Ipc.Vision;

/// <summary>A rectangle in the image's pixels (upright, after EXIF orientation), from its top-left corner.</summary>
public sealed record BoxDto(int X, int Y, int Width, int Height);
