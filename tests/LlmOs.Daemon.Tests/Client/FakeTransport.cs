using System.Reflection;
using System.Text;
using System.Text.Json;
using LlmOs.Client;

namespace LlmOs.Daemon.Tests.Client;

/// <summary>
/// A transport that records what the client POSTs and answers with a canned body. Built as a proxy so that it implements
/// whatever the interface grows to: any other operation throws, as these tests must not use it.
/// </summary>
public class FakeTransport : DispatchProxy
{
    private string _answer = "";

    public List<(string Path, JsonElement Body)> Posts { get; } = [];

    public static (ILlmosTransport Transport, FakeTransport Fake) Create(string answer)
    {
        var transport = Create<ILlmosTransport, FakeTransport>();
        var fake = (FakeTransport)(object)transport;
        fake._answer = answer;
        return (transport, fake);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name)
        {
            case nameof(ILlmosTransport.PostJsonAsync):
                Posts.Add(((string)args![0]!, JsonDocument.Parse((ReadOnlyMemory<byte>)args[1]!).RootElement.Clone()));
                return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(_answer)));
            case nameof(IDisposable.Dispose):
                return null;
            default:
                throw new NotSupportedException($"the fake transport does not do {targetMethod?.Name}");
        }
    }
}
