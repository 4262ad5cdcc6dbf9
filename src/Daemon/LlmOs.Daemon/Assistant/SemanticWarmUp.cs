using LlmOs.Daemon.Configuration;
using LlmOs.Engine.Understanding.Catalog;
using LlmOs.Engine.Understanding.Language;
using LlmOs.Engine.Understanding.Semantic;
using Microsoft.Extensions.Hosting;

namespace LlmOs.Daemon.Assistant;

/// <summary>
/// Embeds the built-in intents' example sentences of every installed language in the background once llmosd is up
/// (at background priority), so the first utterance that needs the semantic stage does not wait about a second for them.
/// Start-up never waits for it. The setting <c>WarmUpIntents</c> turns it off.
/// </summary>
internal sealed class SemanticWarmUp(SemanticRecognizer semantic, LanguageCatalog languages, IntentCatalogs catalogs, DaemonSettings settings) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.WarmUpIntents)
        {
            return;
        }

        await Task.Yield();
        foreach (var language in languages.Packs)
        {
            await semantic.WarmUpAsync(catalogs.For(0, language), stoppingToken).ConfigureAwait(false);
        }
    }
}
