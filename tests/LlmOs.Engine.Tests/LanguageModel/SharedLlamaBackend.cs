using System.Runtime.CompilerServices;
using LlmOs.Engine.Llama;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmOs.Engine.Tests.LanguageModel;

/// <summary>
/// The one <see cref="LlamaBackend"/> of this test process. It must be made before llama.cpp's native library
/// loads (it sets the library's log callback), and other test classes load the library directly, in parallel:
/// so it is made when the test assembly loads, before any test runs.
/// </summary>
internal static class SharedLlamaBackend
{
    public static LlamaBackend Instance { get; private set; } = null!;

#pragma warning disable CA2255 // a test assembly: this runs before any test, which is the point
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Create() => Instance = new LlamaBackend(new LlamaOptions { Threads = 1 }, NullLogger<LlamaBackend>.Instance);
}
