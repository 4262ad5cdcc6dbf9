using System.CommandLine;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl models list|add PATH [--labels FILE]|load|unload</c>: the daemon's model registry and residency.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the models the daemon knows");
        CommandRunner.SetAction(list, async (_, client, output, cancellationToken) =>
        {
            var models = await client.ListModelsAsync(cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(models, IpcJsonContext.Default.ModelListResponse);
                return ExitCodes.Ok;
            }

            Console.WriteLine($"{"NAME",-24} {"KIND",-9} {"STATE",-9} {"ARCH",-10} {"PARAMS",7} {"CTX",6} {"QUANT",-7} {"SIZE",10}  DEFAULT");
            foreach (var model in models.Data)
            {
                Console.WriteLine($"{model.Id,-24} {model.Kind,-9} {model.State,-9} {model.Architecture ?? "-",-10} {Format.Count(model.Parameters),7} {Format.Count(model.ContextLength),6} {model.Quantization ?? "-",-7} {Format.Bytes(model.SizeBytes),10}  {(model.Default ? "yes" : "")}");
                if (model.Error is { } error)
                {
                    Console.WriteLine($"  ! {error}");
                }
            }

            return ExitCodes.Ok;
        });

        var path = new Argument<string>("path") { Description = "A .gguf language model, or an .onnx image classifier (with --labels)" };
        var name = new Option<string?>("--name") { Description = "Name to register it under (default: the file name)" };
        var makeDefault = new Option<bool>("--default") { Description = "Make it the default model (of its kind)" };
        var labels = new Option<string?>("--labels")
        {
            Description = "An image classifier's labels, in its output order: a .json array of strings or a .txt file with one per line",
            HelpName = "LABELS.json|txt",
        };
        var add = new Command("add", "Register a model file with the daemon") { path, name, makeDefault, labels };
        CommandRunner.SetAction(add, async (parse, client, output, cancellationToken) =>
        {
            // Full paths: the daemon, not this shell, opens the files.
            string file = Path.GetFullPath(parse.GetValue(path)!);
            string? labelsFile = parse.GetValue(labels) is { } given ? Path.GetFullPath(given) : null;
            var model = await client.AddModelAsync(file, parse.GetValue(name), parse.GetValue(makeDefault), labelsFile, cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(model, IpcJsonContext.Default.ModelDto);
            }
            else
            {
                string what = model.Architecture is { } architecture
                    ? $"{architecture}, {Format.Count(model.Parameters)} parameters"
                    : $"{model.Kind}, {Format.Bytes(model.SizeBytes)}";
                Console.WriteLine($"added {model.Id} ({what}){(model.Default ? " as the default model" : "")}");
            }

            return ExitCodes.Ok;
        });

        var loadName = new Argument<string>("name") { Description = "The model's name (see 'llmosctl models list')" };
        var keepAlive = new Option<double?>("--keep-alive") { Description = "Seconds to keep it loaded once idle (-1: for good; default: the daemon's)" };
        var load = new Command("load", "Load a model now, so the first request does not wait for it") { loadName, keepAlive };
        CommandRunner.SetAction(load, async (parse, client, output, cancellationToken) =>
        {
            var seconds = parse.GetValue(keepAlive);
            var model = await client.LoadModelAsync(parse.GetValue(loadName)!, seconds is { } s ? (s < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(s)) : null, cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(model, IpcJsonContext.Default.ResidentModelDto);
            }
            else
            {
                Console.WriteLine($"loaded {model.Name} ({Format.Bytes(model.MemoryBytes)}, {model.MaxSequences} sequences of {model.ContextPerSequence} tokens)");
            }

            return ExitCodes.Ok;
        });

        var unloadName = new Argument<string>("name") { Description = "The model's name" };
        var unload = new Command("unload", "Unload a model as soon as nothing runs on it") { unloadName };
        CommandRunner.SetAction(unload, async (parse, client, output, cancellationToken) =>
        {
            string modelName = parse.GetValue(unloadName)!;
            bool unloaded = await client.UnloadModelAsync(modelName, cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(new LlmOs.Ipc.Models.UnloadModelResponse(modelName, unloaded), IpcJsonContext.Default.UnloadModelResponse);
            }
            else
            {
                Console.WriteLine(unloaded ? $"unloaded {modelName}" : $"{modelName} was not loaded");
            }

            return ExitCodes.Ok;
        });

        return new Command("models", "List, add, load and unload models") { list, add, load, unload };
    }
}
