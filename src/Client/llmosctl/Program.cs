using System.CommandLine;
using LlmOs.Ctl.Cli;
using LlmOs.Ctl.Commands;

var root = new RootCommand("llmosctl: talk to llmosd, the local AI service")
{
    GlobalOptions.Socket,
    GlobalOptions.Bus,
    GlobalOptions.Json,
    StatusCommand.Create(),
    GenerateCommand.Create(),
    EmbedCommand.Create(),
    TasksCommand.Create(),
    ModelsCommand.Create(),
    PsCommand.Create(),
    TopCommand.Create(),
    CapabilitiesCommand.Create(),
    IntentsCommand.Create(),
    IntentCommand.Create(),
    AskCommand.Create(),
    ImageCommand.Create(),
    TranscribeCommand.Create(),
    VoiceCommand.Create(),
    SpeakCommand.Create(),
    EventsCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync("llmosctl: " + error.Message).ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync("Try 'llmosctl --help'.").ConfigureAwait(false);
    return ExitCodes.Usage;
}

// Ctrl-C cancels the token each command gets; the client then cancels the task on the daemon.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(5) }).ConfigureAwait(false);
