namespace LlmOs.Engine.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on Dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "llmos-engine-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes the first <paramref name="length"/> bytes of <paramref name="source"/> to a new file here.</summary>
    public string CopyPrefix(string source, int length, string name)
    {
        byte[] bytes = File.ReadAllBytes(source);
        string target = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes.AsSpan(0, Math.Min(length, bytes.Length)).ToArray());
        return target;
    }

    /// <summary>Copies a file here (creating sub-folders) and returns the copy's path.</summary>
    public string CopyFile(string source, string name)
    {
        string target = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(source, target);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
