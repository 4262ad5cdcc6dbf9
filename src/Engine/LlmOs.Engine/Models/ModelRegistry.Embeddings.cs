using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Models;

public sealed partial class ModelRegistry
{
    /// <summary>
    /// Finds the embedding model a request names, or the default one when it names none: the configured
    /// default if that is an embedding model, else the first built-in one (MiniLM), else the first valid one.
    /// A text model is never chosen, and naming one is refused.
    /// </summary>
    public ModelEntry ResolveEmbedding(string? name)
    {
        var entries = List();
        if (name is not null)
        {
            var entry = entries.FirstOrDefault(e => e.Name == name)
                ?? throw new EngineException(ErrorKind.ModelNotFound, $"no model named '{name}'; 'llmosctl models list' shows the installed ones", "options.model");
            if (entry.Kind != ModelKind.Embedding)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"model '{name}' is {WhatIs(entry.Kind)}, not an embedding model", "options.model");
            }

            return entry.IsValid
                ? entry
                : throw new EngineException(ErrorKind.ModelInvalid, $"model '{name}' cannot be used: {entry.InvalidReason}", "options.model");
        }

        var valid = entries.Where(e => e.IsValid && e.Kind == ModelKind.Embedding).ToList();
        return valid.FirstOrDefault(e => e.IsDefault)
            ?? valid.FirstOrDefault(e => e.Source == ModelSource.Builtin)
            ?? valid.FirstOrDefault()
            ?? throw new EngineException(ErrorKind.NeedsModel, "no embedding model is available");
    }
}
