using LlmOs.Engine.Models;

namespace LlmOs.Engine.Speech.Tests.Transcription;

/// <summary>A temp folder with a models folder (the test Whisper model linked into it) and a registry over it.</summary>
internal sealed class WhisperWorkspace : IDisposable
{
    public WhisperWorkspace(bool linkModel = true)
    {
        Path = Directory.CreateTempSubdirectory("llmos-whisper-").FullName;
        Models = Directory.CreateDirectory(System.IO.Path.Combine(Path, "models")).FullName;
        if (linkModel)
        {
            File.CreateSymbolicLink(System.IO.Path.Combine(Models, "for-tests-ggml-tiny.en.bin"), WhisperTestFiles.TinyModel);
        }

        Registry = new ModelRegistry(
            new ModelRegistryOptions { ModelsDirectory = Models, StateFile = System.IO.Path.Combine(Path, "state", "models.json") },
            TimeProvider.System);
    }

    public string Path { get; }

    public string Models { get; }

    public ModelRegistry Registry { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
