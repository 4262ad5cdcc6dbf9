using LlmOs.Daemon;

return await DaemonHost.RunAsync(args).ConfigureAwait(false);
