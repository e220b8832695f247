using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;

namespace Pipeline.Infra.Tests.Bicep;

/// <summary>
/// The Bicep compiler from the Azure.Bicep.CommandLine.linux-x64 package, located through the path MSBuild recorded
/// in this assembly's metadata at build time.
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string> PackagedExecutable = new(LocatePackagedExecutable);
    private static readonly Lazy<string> RunnableCopy = new(CopyToRunnableLocation);

    /// <summary>Compiles a Bicep file to ARM JSON, as <c>bicep build --stdout</c> does.</summary>
    public static Task<BicepBuildResult> BuildAsync(string bicepFile, CancellationToken cancellationToken) =>
        RunAsync(bicepFile, ["build", bicepFile, "--stdout"], cancellationToken);

    /// <summary>
    /// Runs the linter over a Bicep file (<c>bicep lint</c>) with the rules of the nearest bicepconfig.json; the
    /// diagnostics are the result, the output is empty.
    /// </summary>
    public static Task<BicepBuildResult> LintAsync(string bicepFile, CancellationToken cancellationToken) =>
        RunAsync(bicepFile, ["lint", bicepFile], cancellationToken);

    /// <summary>
    /// Compiles every Bicep file under <paramref name="folder"/> in one run (<c>bicep build --pattern</c>), writing the
    /// ARM JSON to the same relative paths under <paramref name="outputFolder"/>.
    /// </summary>
    public static Task<BicepBuildResult> BuildAllAsync(string folder, string outputFolder, CancellationToken cancellationToken) =>
        RunAsync(folder, ["build", "--pattern", AllFilesPattern(folder), "--outdir", outputFolder], cancellationToken);

    /// <summary>Lints every Bicep file under <paramref name="folder"/> in one run (<c>bicep lint --pattern</c>).</summary>
    public static Task<BicepBuildResult> LintAllAsync(string folder, CancellationToken cancellationToken) =>
        RunAsync(folder, ["lint", "--pattern", AllFilesPattern(folder)], cancellationToken);

    // Each bicep start costs seconds; one run over a glob keeps checking every file affordable.
    private static string AllFilesPattern(string folder) => $"{folder.Replace('\\', '/').TrimEnd('/')}/**/*.bicep";

    private static async Task<BicepBuildResult> RunAsync(string bicepFile, string[] arguments, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BuildTimeout);

        using var process = Start(arguments);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var diagnostics = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new BicepBuildResult(bicepFile, process.ExitCode, await output, (await diagnostics).Trim());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static Process Start(string[] arguments)
    {
        try
        {
            return Process.Start(StartInfo(PackagedExecutable.Value, arguments))!;
        }
        catch (Win32Exception)
        {
            // The package cache may hold the binary without execute permission for this user (NuGet does not
            // preserve Unix modes everywhere); a private copy can be made executable without touching the cache.
            return Process.Start(StartInfo(RunnableCopy.Value, arguments))!;
        }
    }

    private static ProcessStartInfo StartInfo(string executable, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static string LocatePackagedExecutable()
    {
        var path = typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepExecutable")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The bicep executable was not found at '{path}'. It comes from the Azure.Bicep.CommandLine.linux-x64 package; run 'dotnet restore'.");
        }

        return path;
    }

    private static string CopyToRunnableLocation()
    {
        var source = PackagedExecutable.Value;
        var folder = Directory.CreateTempSubdirectory("pipeline-bicep-").FullName;
        var copy = Path.Combine(folder, Path.GetFileName(source));
        File.Copy(source, copy);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return copy;
    }
}
