using System.CommandLine;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl ps</c>: the models in memory, what they take and serve, and until when they stay.</summary>
internal static class PsCommand
{
    public static Command Create()
    {
        var command = new Command("ps", "Show the loaded models: memory, active sequences, expiry");
        CommandRunner.SetAction(command, async (_, client, output, cancellationToken) =>
        {
            var ps = await client.PsAsync(cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(ps, IpcJsonContext.Default.PsResponse);
                return ExitCodes.Ok;
            }

            Console.WriteLine($"{"NAME",-24} {"KIND",-9} {"STATE",-8} {"MEMORY",10} {"SEQS",5} {"CTX",6} {"GPU",4}  EXPIRES");
            foreach (var model in ps.Models)
            {
                string expires = model.ExpiresAt is { } at
                    ? "in " + Format.Duration(Math.Max(0, (at - DateTimeOffset.UtcNow).TotalSeconds))
                    : model.ActiveSequences > 0 ? "busy" : "never";
                Console.WriteLine($"{model.Name,-24} {model.Kind,-9} {model.State,-8} {Format.Bytes(model.MemoryBytes),10} {$"{model.ActiveSequences}/{model.MaxSequences}",5} {model.ContextPerSequence,6} {model.GpuLayers,4}  {expires}");
            }

            Console.WriteLine($"memory: {Format.Bytes(ps.MemoryUsedBytes)} of a {Format.Bytes(ps.MemoryBudgetBytes)} budget; accelerator: {ps.Accelerator}");
            foreach (var gpu in ps.Gpus)
            {
                Console.WriteLine($"gpu {gpu.Index}: {gpu.Name}, {Format.Bytes(gpu.FreeBytes)} free of {Format.Bytes(gpu.TotalBytes)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
