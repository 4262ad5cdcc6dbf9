namespace LlmOs.Engine.Generation.Grammar;

/// <summary>Which kinds of JSON value a schema can accept; integers count as numbers.</summary>
[Flags]
internal enum JsonValueKinds
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Number = 4,
    String = 8,
    Array = 16,
    Object = 32,
    All = Null | Boolean | Number | String | Array | Object,
}
