namespace Pipeline.LocalHost.Hosting;

/// <summary>How the local host logs: one line per message on the console.</summary>
public static class LocalHostLogging
{
    public static ILoggingBuilder Configure(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        return logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
    }
}
