using System.Text.Json;
using LlmOs.Engine.Errors;

namespace LlmOs.Engine.Models;

public sealed partial class ModelRegistry
{
    /// <summary>Registers a model file under a name, remembered across restarts.</summary>
    public ModelEntry Add(string path, string? name, bool makeDefault)
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

        lock (_gate)
        {
            var entry = Describe(new ModelDeclaration(name, path), ModelSource.Added);
            if (!entry.IsValid)
            {
                throw new EngineException(ErrorKind.ModelInvalid, $"'{path}' is not a usable model: {entry.InvalidReason}", "path");
            }

            EnsureAddedLoaded();
            var added = _added.Where(d => d.Name != name).Select(d => makeDefault ? d with { IsDefault = false } : d).ToList();
            added.Add(new ModelDeclaration(name, entry.Path, makeDefault));
            Save(added);
            _added = added;
            _scannedAt = long.MinValue;
        }

        return List().First(e => e.Name == name);
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
