using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Models;

public sealed partial class ModelRegistry
{
    private readonly Dictionary<string, (DateTime Modified, long Size, string? Problem)> _labels = [];

    /// <summary>
    /// Finds the image classifier a request names, or the default one when it names none: the one marked default, else
    /// the first valid one by name. A text or embedding model is never chosen, and naming one is refused.
    /// </summary>
    public ModelEntry ResolveVision(string? name)
    {
        var entries = List();
        if (name is not null)
        {
            var entry = entries.FirstOrDefault(e => e.Name == name)
                ?? throw new EngineException(ErrorKind.ModelNotFound, $"no model named '{name}'; 'llmosctl models list' shows the installed ones", "options.model");
            if (entry.Kind != ModelKind.Vision)
            {
                throw new EngineException(ErrorKind.InvalidInput, $"model '{name}' is {WhatIs(entry.Kind)}, not an image classifier", "options.model");
            }

            return entry.IsValid
                ? entry
                : throw new EngineException(ErrorKind.ModelInvalid, $"model '{name}' cannot be used: {entry.InvalidReason}", "options.model");
        }

        var valid = entries.Where(e => e.IsValid && e.Kind == ModelKind.Vision).ToList();
        return valid.FirstOrDefault(e => e.IsDefault)
            ?? valid.FirstOrDefault()
            ?? throw new EngineException(ErrorKind.NeedsModel, "no image classifier is installed; add one with 'llmosctl models add MODEL.onnx --labels LABELS.json'");
    }

    /// <summary>
    /// What a model file is by its name: a <c>.onnx</c> file is an image classifier, a <c>.bin</c> file a Whisper model
    /// (its magic is checked when it is described), anything else a GGUF text model.
    /// </summary>
    internal static ModelKind KindOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".onnx" => ModelKind.Vision,
        ".bin" => ModelKind.Speech,
        _ => ModelKind.Text,
    };

    /// <summary>A kind of model as messages name it.</summary>
    internal static string WhatIs(ModelKind kind) => kind switch
    {
        ModelKind.Vision => "an image classifier",
        ModelKind.Embedding => "an embedding model",
        ModelKind.Speech => "a speech recognition (Whisper) model",
        _ => "a text model",
    };

    /// <summary>
    /// An image classifier as listed: usable when its file exists and its labels file (declared, else beside it) holds
    /// labels. The ONNX file itself is not opened here: the vision backend checks it when it loads it.
    /// </summary>
    private ModelEntry DescribeVision(ModelDeclaration declaration, ModelSource source)
    {
        var info = new FileInfo(declaration.Path);
        if (!info.Exists)
        {
            return new ModelEntry(declaration.Name, declaration.Path, ModelKind.Vision, source, false, 0, null, "the file does not exist") { LabelsPath = declaration.Labels };
        }

        string? labels = declaration.Labels ?? LabelsFile.Beside(info.FullName);
        string stem = System.IO.Path.GetFileNameWithoutExtension(info.Name);
        string? problem = labels is null ? $"no labels file beside it ({stem}.labels.json or .txt)" : LabelsProblem(labels);
        return new ModelEntry(declaration.Name, info.FullName, ModelKind.Vision, source, false, info.Length, null, problem) { LabelsPath = labels };
    }

    /// <summary>The labels file's problem (<see cref="LabelsFile.Problem"/>), read once per file version.</summary>
    private string? LabelsProblem(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return $"the labels file '{path}' does not exist";
        }

        if (_labels.TryGetValue(info.FullName, out var seen) && seen.Modified == info.LastWriteTimeUtc && seen.Size == info.Length)
        {
            return seen.Problem;
        }

        string? problem = LabelsFile.Problem(info.FullName);
        _labels[info.FullName] = (info.LastWriteTimeUtc, info.Length, problem);
        return problem;
    }

    /// <summary>
    /// The default of each kind: configuration's <see cref="ModelRegistryOptions.DefaultModel"/> for its kind (a name
    /// it does not know counts as a text model, as it always did), else the model a user marked most recently, else the
    /// first marked in configuration. Marking an image classifier default leaves the text default as it is.
    /// </summary>
    private HashSet<string> DefaultNames(Dictionary<string, ModelEntry> byName)
    {
        ModelKind KindOfName(string name) => byName.TryGetValue(name, out var entry) && entry.Kind is ModelKind.Vision or ModelKind.Speech ? entry.Kind : ModelKind.Text;

        var defaults = new HashSet<string>(StringComparer.Ordinal);
        if (options.DefaultModel is { } configured)
        {
            defaults.Add(configured);
        }

        foreach (var kind in (ReadOnlySpan<ModelKind>)[ModelKind.Text, ModelKind.Vision, ModelKind.Speech])
        {
            if (options.DefaultModel is { } name && KindOfName(name) == kind)
            {
                continue;
            }

            if ((_added.LastOrDefault(d => d.IsDefault && KindOf(d.Path) == kind) ?? options.Configured.FirstOrDefault(d => d.IsDefault && KindOf(d.Path) == kind)) is { } marked)
            {
                defaults.Add(marked.Name);
            }
        }

        return defaults;
    }
}
