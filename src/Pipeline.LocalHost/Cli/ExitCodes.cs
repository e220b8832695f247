namespace Pipeline.LocalHost.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
