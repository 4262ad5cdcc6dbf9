namespace LlmOs.Integration.Tests.Infrastructure;

/// <summary>A fresh directory under /tmp, removed on dispose. Short paths: a Unix socket path must fit in 108 bytes.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("llmos-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
