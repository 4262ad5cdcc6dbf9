namespace LlmOs.Engine.Vision.Tests.Ocr;

/// <summary>A fresh folder for one test, deleted afterwards.</summary>
internal sealed class OcrTempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("llmos-ocr-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
