using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Restarts the host, instead of ending the process, when the WebJobs SDK fails in the background.
/// </summary>
/// <remarks>
/// The SDK's default handler rethrows on a new thread, which kills the process; the Functions platform then starts a
/// fresh host, but nothing would restart the local one. What fails is a background loop that has stopped for good:
/// when storage restarts under the host, the blob scan's receipt lease has expired, marking a receipt complete gets
/// 412, and the scan loop ends, so no new blob would ever be seen again. A fresh host scans again; blobs whose
/// receipt was not completed are delivered again and, being unchanged, skipped.
/// </remarks>
internal sealed partial class RestartingExceptionHandler(HostRestartRequest restart, ILogger<RestartingExceptionHandler> logger) : IWebJobsExceptionHandler
{
    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        LogTimeout(exceptionInfo.SourceException);
        restart.Request($"a blob-trigger invocation timed out: {exceptionInfo.SourceException.Message}");
        return Task.CompletedTask;
    }

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        LogUnhandled(exceptionInfo.SourceException);
        restart.Request($"the blob trigger failed in the background: {exceptionInfo.SourceException.Message}");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A blob-trigger invocation timed out; restarting the host")]
    private partial void LogTimeout(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The blob trigger failed in the background and has stopped; restarting the host")]
    private partial void LogUnhandled(Exception exception);
}

/// <summary>Gives the SDK <see cref="RestartingExceptionHandler"/> in place of its process-ending default.</summary>
internal sealed class RestartingExceptionHandlerFactory(HostRestartRequest restart, ILogger<RestartingExceptionHandler> logger) : IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => new RestartingExceptionHandler(restart, logger);
}
