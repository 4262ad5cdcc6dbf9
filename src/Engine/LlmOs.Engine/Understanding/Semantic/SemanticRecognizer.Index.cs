using System.Runtime.CompilerServices;
using LlmOs.Engine.Scheduling;
using LlmOs.Engine.Understanding.Catalog;

namespace LlmOs.Engine.Understanding.Semantic;

public sealed partial class SemanticRecognizer
{
    /// <summary>App example vectors kept across catalogs (the built-ins are kept besides, all of them).</summary>
    public const int CachedExamples = 8192;

    /// <summary>
    /// At most this many app examples per catalog go into the index, the oldest registrations' first: 64 handlers
    /// of 64 intents of 32 examples could otherwise ask for 131072 embeddings and as many vectors per catalog.
    /// </summary>
    public const int MaxAppExamples = 512;

    private readonly ExampleVectorCache _cache = new(CachedExamples);

    // Per catalog its index under one embedding model; the built-in rows are shared by the catalogs of a language,
    // found by the first built-in intent (the language pack's own instance, which every catalog of it holds).
    private readonly ConditionalWeakTable<IntentCatalog, IndexEntry> _indexes = [];
    private readonly ConditionalWeakTable<CatalogIntent, BuiltinEntry> _builtins = [];
    private readonly Lock _indexesGate = new();

    /// <summary>How many example sentences this recogniser has sent to the embedding model so far.</summary>
    public long ExamplesEmbedded => Interlocked.Read(ref _examplesEmbedded);

    private long _examplesEmbedded;

    /// <summary>
    /// The index of a catalog under <paramref name="model"/>: built once per catalog instance and model and shared by
    /// concurrent callers (a caller who gives up does not cancel it); one of another model is replaced. A build that
    /// failed is forgotten, so a model installed later is used. An interactive caller finding a build under way
    /// sends the built-in examples nobody has sent yet at its own priority instead of waiting for the background.
    /// </summary>
    private async Task<SemanticIndex> IndexAsync(IntentCatalog catalog, EmbeddingModelKey model, TaskPriority priority)
    {
        Task<SemanticIndex> index;
        lock (_indexesGate)
        {
            if (_indexes.TryGetValue(catalog, out var existing) && existing.Model == model && !existing.Index.IsFaulted && !existing.Index.IsCanceled)
            {
                index = existing.Index;
            }
            else
            {
                index = BuildAsync(catalog, model, priority);
                _indexes.AddOrUpdate(catalog, new IndexEntry(model, index));
            }
        }

        if (!index.IsCompleted && priority == TaskPriority.Interactive && BuiltinsOf(catalog) is { Count: > 0 } builtins)
        {
            var rows = Builtins(builtins, model, priority).Rows;
            await VectorsOfAsync(model, rows.Texts, null, pin: true, priority).ConfigureAwait(false);
        }

        return await index.ConfigureAwait(false);
    }

    private async Task<SemanticIndex> BuildAsync(IntentCatalog catalog, EmbeddingModelKey model, TaskPriority priority)
    {
        await Task.Yield(); // the caller holds the lock: the work starts after it has let go
        var builtins = BuiltinsOf(catalog);
        var shared = builtins.Count > 0 ? Builtins(builtins, model, priority) : null;

        var rows = new ExampleRows();
        foreach (var intent in catalog.Intents)
        {
            rows.IntentNumber(intent.Name);
        }

        int[] sharedIntents = shared is null ? [] : [.. shared.Rows.Intents.Select(rows.IntentNumber)];
        var owners = new List<uint>();
        int total = 0;
        foreach (var intent in catalog.Intents.Where(i => i.Source != IntentSource.Builtin).OrderBy(i => i.Registration?.Sequence ?? 0))
        {
            foreach (string example in intent.Examples)
            {
                if (shared is not null && shared.Rows.Contains(intent.Name, example))
                {
                    continue;
                }

                total++;
                if (rows.Texts.Count < MaxAppExamples && rows.Add(intent.Name, example))
                {
                    owners.Add(intent.Registration?.OwnerUid ?? 0);
                }
            }
        }

        if (rows.Texts.Count == MaxAppExamples && total > rows.Texts.Count)
        {
            SemanticLog.AppExamplesCapped(_logger, total - rows.Texts.Count, total, MaxAppExamples);
        }

        // App examples are the apps' work: their owners' tasks, in the background, whoever asks.
        var appVectors = VectorsOfAsync(model, rows.Texts, owners, pin: false, TaskPriority.Background);
        var sharedMatrix = shared?.Matrix ?? Task.FromResult(ExampleMatrix.Empty);
        await Task.WhenAll(appVectors, sharedMatrix).ConfigureAwait(false);
        var own = ExampleMatrix.Of(rows.Texts, rows.IntentOfRow, await appVectors.ConfigureAwait(false));
        return new SemanticIndex(rows.Intents, await sharedMatrix.ConfigureAwait(false), sharedIntents, own);
    }

    /// <summary>The built-in rows and matrix of <paramref name="builtins"/> under <paramref name="model"/>, shared by every catalog holding the same built-ins.</summary>
    private BuiltinEntry Builtins(List<CatalogIntent> builtins, EmbeddingModelKey model, TaskPriority priority)
    {
        lock (_indexesGate)
        {
            if (_builtins.TryGetValue(builtins[0], out var existing) && existing.Model == model && !existing.Matrix.IsFaulted && !existing.Matrix.IsCanceled
                && existing.Intents.Count == builtins.Count && existing.Intents.Zip(builtins).All(p => ReferenceEquals(p.First, p.Second)))
            {
                return existing;
            }

            var rows = new ExampleRows();
            foreach (var intent in builtins)
            {
                foreach (string example in intent.Examples)
                {
                    rows.Add(intent.Name, example);
                }
            }

            var entry = new BuiltinEntry(builtins, model, rows, BuildMatrixAsync(rows, model, priority));
            _builtins.AddOrUpdate(builtins[0], entry);
            return entry;
        }
    }

    private async Task<ExampleMatrix> BuildMatrixAsync(ExampleRows rows, EmbeddingModelKey model, TaskPriority priority)
    {
        await Task.Yield(); // the caller holds the lock
        var vectors = await VectorsOfAsync(model, rows.Texts, null, pin: true, priority).ConfigureAwait(false);
        return ExampleMatrix.Of(rows.Texts, rows.IntentOfRow, vectors);
    }

    private static List<CatalogIntent> BuiltinsOf(IntentCatalog catalog) => [.. catalog.Intents.Where(i => i.Source == IntentSource.Builtin)];

    private sealed record IndexEntry(EmbeddingModelKey Model, Task<SemanticIndex> Index);

    private sealed record BuiltinEntry(IReadOnlyList<CatalogIntent> Intents, EmbeddingModelKey Model, ExampleRows Rows, Task<ExampleMatrix> Matrix);
}
