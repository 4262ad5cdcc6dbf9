namespace LlmOs.Ctl.Cli;

/// <summary>llmosctl's exit codes (DESIGN.md, "Contracts users see").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int TaskFailed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
}
