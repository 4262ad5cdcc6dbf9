using System.Text.Json;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Models;

public sealed partial class ModelRegistry
{
    /// <summary>
    /// Registers a model file under a name, remembered across restarts. A <c>.onnx</c> image classifier needs its labels:
    /// <paramref name="labels"/> (an absolute path to a <c>.json</c> array of strings or a text file of one label per line),
    /// else the <c>&lt;stem&gt;.labels.json</c> or <c>.txt</c> beside it; the labels file is remembered with the model.
    /// Marking a model default takes the mark from the other models of its kind only.
    /// </summary>
    public ModelEntry Add(string path, string? name, bool makeDefault, string? labels = null)
    {
        if (string.IsNullOrWhiteSpace(path) || !System.IO.Path.IsPathFullyQualified(path))
        {
            throw new EngineException(ErrorKind.InvalidInput, "the model path must be absolute", "path");
        }

        if (!File.Exists(path))
        {
            throw new EngineException(ErrorKind.InvalidInput, $"no file at '{path}'", "path");
        }

        name ??= System.IO.Path.GetFileNameWithoutExtension(path);
        if (!IsValidName(name))
        {
            throw new EngineException(ErrorKind.InvalidInput, "a model name is 1-64 letters, digits, '.', '-' or '_'", "name");
        }

        var kind = KindOf(path);
        labels = CheckLabels(path, kind, labels);
        lock (_gate)
        {
            var entry = Describe(new ModelDeclaration(name, path, Labels: labels), ModelSource.Added);
            if (!entry.IsValid)
            {
                throw new EngineException(ErrorKind.ModelInvalid, $"'{path}' is not a usable model: {entry.InvalidReason}", "path");
            }

            EnsureAddedLoaded();
            var added = _added.Where(d => d.Name != name).Select(d => makeDefault && KindOf(d.Path) == kind ? d with { IsDefault = false } : d).ToList();
            added.Add(new ModelDeclaration(name, entry.Path, makeDefault, labels));
            Save(added);
            _added = added;
            _scannedAt = long.MinValue;
        }

        return List().First(e => e.Name == name);
    }

    /// <summary>The labels file an image classifier is added with (given, else beside it), checked; null for a text model, which takes none.</summary>
    private static string? CheckLabels(string path, ModelKind kind, string? labels)
    {
        if (kind != ModelKind.Vision)
        {
            return labels is null
                ? null
                : throw new EngineException(ErrorKind.InvalidInput, "only an image classifier (.onnx) takes a labels file", "labels");
        }

        if (labels is not null && (string.IsNullOrWhiteSpace(labels) || !System.IO.Path.IsPathFullyQualified(labels)))
        {
            throw new EngineException(ErrorKind.InvalidInput, "the labels path must be absolute", "labels");
        }

        labels ??= LabelsFile.Beside(path) ?? throw new EngineException(
            ErrorKind.InvalidInput,
            $"an image classifier needs its labels: pass a labels file (--labels LABELS.json or .txt) or put {System.IO.Path.GetFileNameWithoutExtension(path)}.labels.json beside the model",
            "labels");
        return LabelsFile.Problem(labels) is { } problem
            ? throw new EngineException(ErrorKind.InvalidInput, problem, "labels")
            : System.IO.Path.GetFullPath(labels);
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private void EnsureAddedLoaded()
    {
        if (_addedLoaded)
        {
            return;
        }

        _addedLoaded = true;
        if (File.Exists(options.StateFile))
        {
            using var stream = File.OpenRead(options.StateFile);
            _added = JsonSerializer.Deserialize(stream, RegistryStateJson.Default.ListModelDeclaration) ?? [];
        }
    }

    /// <summary>Writes the whole list to a temporary file and renames it, so a crash never leaves half a registry.</summary>
    private void Save(List<ModelDeclaration> added)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(options.StateFile)!);
        string temp = options.StateFile + ".tmp";
        using (var stream = File.Create(temp))
        {
            JsonSerializer.Serialize(stream, added, RegistryStateJson.Default.ListModelDeclaration);
        }

        File.Move(temp, options.StateFile, overwrite: true);
    }
}
