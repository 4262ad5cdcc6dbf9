using System.CommandLine;
using LlmOs.Client;
using LlmOs.Ipc.Errors;

namespace LlmOs.Ctl.Cli;

/// <summary>Runs a command's body with a client, and turns what can go wrong into a message and an exit code.</summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, Func<ParseResult, LlmosClient, Output, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new Output(parse.GetValue(GlobalOptions.Json));
            if (parse.GetResult(GlobalOptions.Bus) is not null && parse.GetResult(GlobalOptions.Socket) is not null)
            {
                await Console.Error.WriteLineAsync("llmosctl: --bus and --socket are two ways to the daemon; give one").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            using var client = parse.GetResult(GlobalOptions.Bus) is not null
                ? LlmosClient.ForBus(parse.GetValue(GlobalOptions.Bus))
                : LlmosClient.ForSocket(parse.GetValue(GlobalOptions.Socket));
            try
            {
                return await body(parse, client, output, cancellationToken).ConfigureAwait(false);
            }
            catch (LocalFileException e)
            {
                output.Error(ErrorCodes.InvalidInput, e.Message);
                return ExitCodes.Usage;
            }
            catch (LlmosUnreachableException e)
            {
                await Console.Error.WriteLineAsync($"llmosctl: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unreachable;
            }
            catch (HttpRequestException e)
            {
                // The socket connected but broke mid-request (llmosd stopped, or closed on a body it would not read).
                await Console.Error.WriteLineAsync($"llmosctl: the connection to llmosd broke: {e.GetBaseException().Message}").ConfigureAwait(false);
                return ExitCodes.Unreachable;
            }
            catch (LlmosException e)
            {
                output.Error(e.Code, e.Message);
                return ExitCodes.TaskFailed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                output.Error("cancelled", "cancelled; the task was cancelled on the daemon");
                return ExitCodes.TaskFailed;
            }
        });
}
