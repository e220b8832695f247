namespace Pipeline.Cli;

public static class ExitCodes
{
    /// <summary>Every input was normalized.</summary>
    public const int Success = 0;

    /// <summary>At least one input failed (its error is in the output), or the run was interrupted.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown command or option, no input, or an input path that does not exist.</summary>
    public const int Usage = 2;
}
