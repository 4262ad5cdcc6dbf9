using System.CommandLine;
using System.Diagnostics;
using LlmOs.Client;
using LlmOs.Client.Metrics;
using LlmOs.Ctl.Cli;
using LlmOs.Ctl.Top;

namespace LlmOs.Ctl.Commands;

/// <summary>
/// <c>llmosctl top</c>: the daemon's figures from <c>/metrics</c>, live: queue, tasks, token rate, latencies,
/// resident models. Redraws every <c>--interval</c> seconds until Ctrl-C (exit 0); <c>--once</c> prints one frame,
/// <c>--json</c> the figures once as JSON.
/// </summary>
internal static class TopCommand
{
    private const string ClearScreen = "\u001b[H\u001b[2J";

    public static Command Create()
    {
        var interval = new Option<double>("--interval", "-i") { Description = "Seconds between refreshes", DefaultValueFactory = _ => 1.0 };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (>= 0.1 and <= 3600))
            {
                result.AddError("--interval must be between 0.1 and 3600 seconds");
            }
        });
        var once = new Option<bool>("--once") { Description = "Print one frame and exit (for scripts)" };

        var command = new Command("top", "Show the daemon's queue, tasks, token rate, latencies and models, live") { interval, once };
        CommandRunner.SetAction(command, async (parse, client, output, cancellationToken) =>
        {
            if (output.IsJson)
            {
                var snapshot = await client.GetMetricsAsync(cancellationToken).ConfigureAwait(false);
                Output.Json(TopFiguresReader.Read(snapshot, null, TimeSpan.Zero), TopJsonContext.Default.TopFigures);
                return ExitCodes.Ok;
            }

            if (parse.GetValue(once))
            {
                var snapshot = await client.GetMetricsAsync(cancellationToken).ConfigureAwait(false);
                Console.Out.Write(TopScreen.Render(TopFiguresReader.Read(snapshot, null, TimeSpan.Zero), DateTimeOffset.Now));
                return ExitCodes.Ok;
            }

            try
            {
                await RunAsync(client, TimeSpan.FromSeconds(parse.GetValue(interval)), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C is how one leaves top: not an error.
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task RunAsync(LlmosClient client, TimeSpan interval, CancellationToken cancellationToken)
    {
        // Only a terminal is redrawn in place; a pipe or file gets one frame after another.
        bool terminal = !Console.IsOutputRedirected;
        MetricsSnapshot? previous = null;
        var sincePrevious = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(interval);
        do
        {
            var now = await client.GetMetricsAsync(cancellationToken).ConfigureAwait(false);
            var figures = TopFiguresReader.Read(now, previous, sincePrevious.Elapsed);
            sincePrevious.Restart();
            previous = now;

            string frame = TopScreen.Render(figures, DateTimeOffset.Now);
            await Console.Out.WriteAsync(terminal ? ClearScreen + frame : frame + Environment.NewLine).ConfigureAwait(false);
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
