using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Models;

public sealed partial class ModelRegistry
{
    /// <summary>The first four bytes of a ggml Whisper file: "ggml" as a little-endian 32-bit number.</summary>
    internal const uint GgmlMagic = 0x67676d6c;

    /// <summary>Whether a usable Whisper model is installed, so that open speech can be transcribed.</summary>
    public bool HasSpeechModel => List().Any(e => e.IsValid && e.Kind == ModelKind.Speech);

    /// <summary>
    /// Finds the Whisper model a request names, or the default one when it names none: the one marked default, else
    /// the first valid one by name. A model of another kind is never chosen, and naming one is refused.
    /// </summary>
    public ModelEntry ResolveSpeech(string? name)
    {
        var entries = List();
        if (name is not null)
        {
            var entry = entries.FirstOrDefault(e => e.Name == name)
                ?? throw new EngineException(ErrorKind.ModelNotFound, $"no model named '{name}'; 'llmosctl models list' shows the installed ones", "options.model");
            if (entry.Kind != ModelKind.Speech)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"model '{name}' is {WhatIs(entry.Kind)}, not a speech recognition model", "options.model");
            }

            return entry.IsValid
                ? entry
                : throw new EngineException(ErrorKind.ModelInvalid, $"model '{name}' cannot be used: {entry.InvalidReason}", "options.model");
        }

        var valid = entries.Where(e => e.IsValid && e.Kind == ModelKind.Speech).ToList();
        return valid.FirstOrDefault(e => e.IsDefault)
            ?? valid.FirstOrDefault()
            ?? throw new EngineException(
                ErrorKind.NeedsModel,
                "no Whisper model is installed; put a ggml Whisper model (ggml-*.bin) in the models folder or add it with 'llmosctl models add PATH'");
    }

    /// <summary>Whether the file starts with the ggml magic; false for anything unreadable.</summary>
    internal static bool IsGgml(string path)
    {
        try
        {
            Span<byte> head = stackalloc byte[4];
            using var file = File.OpenRead(path);
            return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && BitConverter.ToUInt32(head) == GgmlMagic;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The Whisper models of the models folder: its <c>.bin</c> files with the ggml magic (other <c>.bin</c> files are not models).</summary>
    private static IEnumerable<string> SpeechFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.bin").Order(StringComparer.Ordinal).Where(IsGgml);

    /// <summary>A Whisper model as listed: usable when its file exists and starts with the ggml magic; whisper.cpp checks the rest when it loads it.</summary>
    private static ModelEntry DescribeSpeech(ModelDeclaration declaration, ModelSource source)
    {
        var info = new FileInfo(declaration.Path);
        if (!info.Exists)
        {
            return new ModelEntry(declaration.Name, declaration.Path, ModelKind.Speech, source, false, 0, null, "the file does not exist");
        }

        string? problem = IsGgml(info.FullName) ? null : "not a ggml Whisper model (the file does not start with the ggml magic)";
        return new ModelEntry(declaration.Name, info.FullName, ModelKind.Speech, source, false, info.Length, null, problem);
    }
}
