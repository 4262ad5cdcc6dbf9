using System.CommandLine;
using LlmOs.Ctl.Cli;
using LlmOs.Ipc;
using LlmOs.Ipc.Capabilities;

namespace LlmOs.Ctl.Commands;

/// <summary><c>llmosctl capabilities</c>: each kind of work and whether the daemon can do it now.</summary>
internal static class CapabilitiesCommand
{
    public static Command Create()
    {
        var command = new Command("capabilities", "Show what the daemon can do: ready, available, needs-model or unavailable, per kind of work");
        CommandRunner.SetAction(command, async (_, client, output, cancellationToken) =>
        {
            var capabilities = await client.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                Output.Json(capabilities, IpcJsonContext.Default.CapabilitiesResponse);
                return ExitCodes.Ok;
            }

            Console.WriteLine($"{"KIND",-20} {"STATE",-12} {"MODELS",-24} DETAIL");
            foreach (var (kind, capability) in Rows(capabilities))
            {
                string models = capability.Models.Count == 0 ? "-" : string.Join(',', capability.Models);
                Console.WriteLine($"{kind,-20} {capability.State,-12} {models,-24} {capability.Detail}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The kinds under their wire names, in the record's order.</summary>
    private static (string Kind, CapabilityDto Capability)[] Rows(CapabilitiesResponse c) =>
    [
        ("text_generation", c.TextGeneration),
        ("embeddings", c.Embeddings),
        ("transcription", c.Transcription),
        ("command_recognition", c.CommandRecognition),
        ("speech_synthesis", c.SpeechSynthesis),
        ("classification", c.Classification),
        ("ocr", c.Ocr),
        ("intents", c.Intents),
    ];
}
