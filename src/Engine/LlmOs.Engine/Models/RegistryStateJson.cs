using System.Text.Json.Serialization;

namespace LlmOs.Engine.Models;

/// <summary>The shape of the registry's state file (added models), source-generated.</summary>
[JsonSerializable(typeof(List<ModelDeclaration>))]
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class RegistryStateJson : JsonSerializerContext;
