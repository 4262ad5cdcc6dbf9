using System.Text.Json.Serialization;

namespace LlmOs.Bench;

/// <summary>Source-generated JSON for the few bodies the benchmark writes itself.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
