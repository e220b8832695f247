using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.LocalHost.Azurite;

/// <summary>Starting and stopping the Node.js processes Azurite needs.</summary>
internal static class ChildProcess
{
    private const int SigTerm = 15;

    /// <summary>Starts a process, turning "program not found" into an error that says what to install.</summary>
    public static Process Start(ProcessStartInfo startInfo, string program, string installHint)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new AzuriteException($"Could not start '{program}'.");
        }
        catch (Win32Exception ex)
        {
            throw new AzuriteException($"Could not start '{program}': {ex.Message}. {installHint}", ex);
        }
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM on Unix) and waits; kills the whole tree when it does not stop in time.
    /// Azurite saves its metadata every 5 s and on SIGTERM, so a kill could lose the last uploads.
    /// </summary>
    public static async Task StopAsync(Process process, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        if (HasExited(process))
        {
            return;
        }

        if (!OperatingSystem.IsWindows() && Kill(process.Id, SigTerm) == 0)
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(gracePeriod);
            try
            {
                await process.WaitForExitAsync(grace.Token);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Did not stop in time: fall through to the kill.
            }
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }

        await process.WaitForExitAsync(cancellationToken);
    }

    public static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    // DllImport rather than LibraryImport: the signature is blittable, and it spares the project unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
