using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Models;

/// <summary>
/// The models this machine has: files in the models folder, models named in configuration and
/// models added by users (remembered in the state directory). A <c>.gguf</c> file is a text model whose
/// metadata comes from its header, read once per file version; an unreadable file is listed as invalid and never
/// loaded. A <c>.onnx</c> file is an image classifier (<see cref="ModelKind.Vision"/>), usable with its labels file
/// (<c>ModelRegistry.Vision.cs</c>); its backend validates the file itself when it loads it. A <c>.bin</c> file with the
/// ggml magic is a Whisper model (<see cref="ModelKind.Speech"/>, <c>ModelRegistry.Speech.cs</c>).
/// </summary>
public sealed partial class ModelRegistry(ModelRegistryOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTime Modified, long Size, GgufMetadata? Metadata, string? Error)> _headers = [];
    private List<ModelDeclaration> _added = [];
    private IReadOnlyList<ModelEntry> _entries = [];
    private long _scannedAt = long.MinValue;
    private bool _addedLoaded;

    public IReadOnlyList<ModelEntry> List()
    {
        lock (_gate)
        {
            long now = time.GetTimestamp();
            if (_scannedAt == long.MinValue || time.GetElapsedTime(_scannedAt, now) >= options.RescanInterval)
            {
                _entries = Scan();
                _scannedAt = now;
            }

            return _entries;
        }
    }

    /// <summary>Finds the text model a request names, or the default when it names none; never an embedding model.</summary>
    public ModelEntry Resolve(string? name)
    {
        var entries = List();
        if (name is not null)
        {
            var entry = entries.FirstOrDefault(e => e.Name == name)
                ?? throw new EngineException(ErrorKind.ModelNotFound, $"no model named '{name}'; 'llmosctl models list' shows the installed ones", "options.model");
            if (entry.Kind != ModelKind.Text)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"model '{name}' is {WhatIs(entry.Kind)}; it cannot generate text", "options.model");
            }

            return entry.IsValid
                ? entry
                : throw new EngineException(ErrorKind.ModelInvalid, $"model '{name}' cannot be used: {entry.InvalidReason}", "options.model");
        }

        var valid = entries.Where(e => e.IsValid && e.Kind == ModelKind.Text).ToList();
        return valid.FirstOrDefault(e => e.IsDefault)
            ?? (valid.Count == 1 ? valid[0] : null)
            ?? throw (valid.Count == 0
                ? new EngineException(ErrorKind.NeedsModel, "no text model is installed; add a .gguf file with 'llmosctl models add PATH'")
                : new EngineException(ErrorKind.ModelNotFound, $"no default model is set; name one of: {string.Join(", ", valid.Select(e => e.Name))}", "options.model"));
    }

    private List<ModelEntry> Scan()
    {
        EnsureAddedLoaded();
        var byName = new Dictionary<string, ModelEntry>(StringComparer.Ordinal);
        foreach (var builtin in options.Builtin)
        {
            byName[builtin.Name] = builtin;
        }

        if (Directory.Exists(options.ModelsDirectory))
        {
            var files = Directory.EnumerateFiles(options.ModelsDirectory, "*.gguf").Order(StringComparer.Ordinal)
                .Concat(Directory.EnumerateFiles(options.ModelsDirectory, "*.onnx").Order(StringComparer.Ordinal))
                .Concat(SpeechFiles(options.ModelsDirectory));
            foreach (var file in files)
            {
                byName[System.IO.Path.GetFileNameWithoutExtension(file)] = Describe(new ModelDeclaration(System.IO.Path.GetFileNameWithoutExtension(file), file), ModelSource.ModelsDirectory);
            }
        }

        foreach (var declaration in _added)
        {
            byName[declaration.Name] = Describe(declaration, ModelSource.Added);
        }

        foreach (var declaration in options.Configured)
        {
            byName[declaration.Name] = Describe(declaration, ModelSource.Configured);
        }

        var defaults = DefaultNames(byName);
        return [.. byName.Values.Select(e => e with { IsDefault = defaults.Contains(e.Name) }).OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    private ModelEntry Describe(ModelDeclaration declaration, ModelSource source)
    {
        switch (KindOf(declaration.Path))
        {
            case ModelKind.Vision:
                return DescribeVision(declaration, source);
            case ModelKind.Speech:
                return DescribeSpeech(declaration, source);
        }

        var info = new FileInfo(declaration.Path);
        if (!info.Exists)
        {
            return new ModelEntry(declaration.Name, declaration.Path, ModelKind.Text, source, false, 0, null, "the file does not exist");
        }

        if (!_headers.TryGetValue(info.FullName, out var header) || header.Modified != info.LastWriteTimeUtc || header.Size != info.Length)
        {
            header = ReadHeader(info);
            _headers[info.FullName] = header;
        }

        return new ModelEntry(declaration.Name, info.FullName, ModelKind.Text, source, false, info.Length, header.Metadata, header.Error);
    }

    private static (DateTime, long, GgufMetadata?, string?) ReadHeader(FileInfo info)
    {
        try
        {
            return (info.LastWriteTimeUtc, info.Length, GgufReader.Read(info.FullName), null);
        }
        catch (GgufFormatException e)
        {
            return (info.LastWriteTimeUtc, info.Length, null, e.Message);
        }
        catch (IOException e)
        {
            return (info.LastWriteTimeUtc, info.Length, null, "cannot be read: " + e.Message);
        }
        catch (UnauthorizedAccessException)
        {
            return (info.LastWriteTimeUtc, info.Length, null, "the daemon may not read this file");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One bad file must never break the listing of the others.
            return (info.LastWriteTimeUtc, info.Length, null, "unreadable header: " + e.Message);
        }
    }
}
