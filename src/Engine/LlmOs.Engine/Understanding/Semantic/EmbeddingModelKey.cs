namespace LlmOs.Engine.Understanding.Semantic;

/// <summary>
/// The embedding model vectors came from: its name (the one the scheduler resolved, the embed task's model) and
/// the length of its vectors. Vectors of different keys are never compared: a model of another name, or one
/// replaced under the same name by one of another size, makes a new index.
/// </summary>
internal readonly record struct EmbeddingModelKey(string Name, int Dimensions);
