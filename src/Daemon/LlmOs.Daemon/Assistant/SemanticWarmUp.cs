using LlmOs.Daemon.Configuration;
using LlmOs.Daemon.Hosting;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Semantic;
using Microsoft.Extensions.Hosting;

namespace LlmOs.Daemon.Assistant;

/// <summary>
/// Embeds the built-in intents' example sentences of every installed language in the background once llmosd is up
/// (at background priority), so the first utterance that needs the semantic stage does not wait about a second for them.
/// Start-up never waits for it: the intent engine itself is reached through <see cref="Deferred{T}"/> and built here,
/// after <c>READY=1</c>, unless an ask came first. The setting <c>WarmUpIntents</c> turns it off.
/// </summary>
internal sealed class SemanticWarmUp(
    Deferred<SemanticRecognizer> semantic, Deferred<LanguageCatalog> languages, Deferred<IntentCatalogs> catalogs, DaemonSettings settings) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.WarmUpIntents)
        {
            return;
        }

        await Task.Yield();
        foreach (var language in languages.Value.Packs)
        {
            await semantic.Value.WarmUpAsync(catalogs.Value.For(0, language), stoppingToken).ConfigureAwait(false);
        }
    }
}
