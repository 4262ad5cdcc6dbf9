namespace LlmOs.Ctl.Cli;

/// <summary>A file named on the command line cannot be used (missing, a directory, unreadable): a usage error, found before asking llmosd.</summary>
internal sealed class LocalFileException(string message) : Exception(message);
