using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.LocalHost.Azurite;

/// <summary>
/// The Azurite that the repository pins in its <c>package.json</c>, installed into <c>node_modules</c> on first use
/// with <c>npm ci</c>, so everyone runs the exact version in <c>package-lock.json</c>.
/// </summary>
public sealed class AzuriteInstallation
{
    private const string PackageName = "azurite";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private AzuriteInstallation(string root, string pinnedVersion)
    {
        Root = root;
        PinnedVersion = pinnedVersion;
    }

    /// <summary>The folder with the <c>package.json</c> that pins Azurite.</summary>
    public string Root { get; }

    /// <summary>The version <c>package.json</c> asks for, such as <c>3.37.0</c>.</summary>
    public string PinnedVersion { get; }

    /// <summary>The script that starts all three services (<c>node_modules/.bin/azurite</c> links to it).</summary>
    public string EntryScript => Path.Combine(Root, "node_modules", PackageName, "dist", "src", "azurite.js");

    public bool IsInstalled => File.Exists(EntryScript);

    /// <summary>Finds the nearest folder above <paramref name="startDirectories"/> whose <c>package.json</c> pins Azurite.</summary>
    public static AzuriteInstallation? Find(params IEnumerable<string> startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var version = ReadPinnedVersion(Path.Combine(dir.FullName, "package.json"));
                if (version is not null)
                {
                    return new AzuriteInstallation(dir.FullName, version);
                }
            }
        }

        return null;
    }

    /// <summary>Finds the installation from the working directory or, failing that, from where this program runs.</summary>
    public static AzuriteInstallation? FindFromCurrentDirectory() => Find(Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>Runs <c>npm ci</c> when Azurite is not in <c>node_modules</c> yet; safe to call from several processes.</summary>
    /// <param name="progress">Receives one line before a slow install starts and one when it is done.</param>
    public async Task EnsureInstalledAsync(Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (IsInstalled)
        {
            return;
        }

        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            await using var crossProcessLock = await AcquireInstallLockAsync(cancellationToken);
            if (IsInstalled)
            {
                return;
            }

            progress?.Invoke($"Installing Azurite {PinnedVersion} with npm (first run only)...");
            var stopwatch = Stopwatch.StartNew();
            await RunNpmCiAsync(cancellationToken);
            if (!IsInstalled)
            {
                throw new AzuriteException($"'npm ci' finished in '{Root}' but '{EntryScript}' is still missing. Does package-lock.json list azurite?");
            }

            progress?.Invoke($"Installed Azurite {PinnedVersion} in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private async Task RunNpmCiAsync(CancellationToken cancellationToken)
    {
        // --ignore-scripts: Azurite needs no install scripts, and skipping them keeps the install offline-safe and quick.
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = ChildProcess.Start(startInfo, "npm", "Azurite is installed with npm; install Node.js 20 or later (it includes npm).");
        var output = new OutputTail(60);
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new AzuriteException($"'npm ci' in '{Root}' did not finish within {InstallTimeout.TotalMinutes} minutes.{output.Format()}");
        }

        if (process.ExitCode != 0)
        {
            throw new AzuriteException($"'npm ci' in '{Root}' failed with exit code {process.ExitCode}.{output.Format()}");
        }
    }

    private async Task<FileStream> AcquireInstallLockAsync(CancellationToken cancellationToken)
    {
        // npm ci deletes node_modules before it installs, so two installs at once would break each other.
        // The lock lives outside node_modules for that reason; an exclusive open is released by the OS if we die.
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Root)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-azurite-install-{key}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static string? ReadPinnedVersion(string packageJsonPath)
    {
        if (!File.Exists(packageJsonPath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(packageJsonPath));
            foreach (var section in new[] { "devDependencies", "dependencies" })
            {
                if (document.RootElement.TryGetProperty(section, out var dependencies) &&
                    dependencies.ValueKind == JsonValueKind.Object &&
                    dependencies.TryGetProperty(PackageName, out var version) &&
                    version.ValueKind == JsonValueKind.String)
                {
                    return version.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not our package.json; keep walking up.
        }

        return null;
    }
}
