using System.Diagnostics;
using Pipeline.Testing;

namespace Pipeline.Infra.Tests.Azd;

/// <summary>
/// Runs infra/scripts/postdeploy.sh against a stand-in <c>az</c> on the PATH that records its arguments: what the
/// hook asks of the Azure CLI, with no Azure behind it.
/// </summary>
public sealed class PostdeployScriptRunTests : IDisposable
{
    private const string Subscription = "11111111-2222-3333-4444-555555555555";

    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("pipeline-fake-az-");

    private string CallLog => Path.Combine(_bin.FullName, "calls.log");

    public void Dispose() => _bin.Delete(recursive: true);

    [Fact]
    public async Task Signed_out_cli_stops_the_hook_with_what_to_run()
    {
        FakeAz(signedIn: false);

        var (exitCode, _, error) = await RunHookAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains($"not signed in to subscription {Subscription}", error, StringComparison.Ordinal);
        Assert.Contains("Run 'az login'", error, StringComparison.Ordinal);
        Assert.Contains("'azd hooks run postdeploy'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls(), call => call.StartsWith("deployment ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signed_in_cli_deploys_the_subscription_naming_the_azd_subscription_on_every_call()
    {
        FakeAz(signedIn: true);

        var (exitCode, output, error) = await RunHookAsync();

        Assert.True(exitCode == 0, error);
        Assert.Contains("Event Grid subscription is in place", output, StringComparison.Ordinal);
        var calls = Calls();
        Assert.Contains(calls, call => call.StartsWith("deployment group create ", StringComparison.Ordinal));
        Assert.All(calls, call => Assert.Contains($"--subscription {Subscription}", call, StringComparison.Ordinal));
        Assert.DoesNotContain(calls, call => call.StartsWith("account set", StringComparison.Ordinal));
    }

    private IReadOnlyList<string> Calls() => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    // Answers like the Azure CLI: a token only when signed in, a blobs_extension key, a successful deployment.
    private void FakeAz(bool signedIn)
    {
        var script = Path.Combine(_bin.FullName, "az");
        File.WriteAllText(script, $$"""
            #!/usr/bin/env bash
            echo "$*" >> "{{CallLog}}"
            case "$1 $2" in
              "account get-access-token") {{(signedIn ? "exit 0" : "echo 'Please run az login' >&2; exit 1")}} ;;
              "functionapp keys") echo "fake-key" ;;
              "deployment group") exit 0 ;;
              *) echo "unexpected az call: $*" >&2; exit 2 ;;
            esac
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<(int ExitCode, string Output, string Error)> RunHookAsync()
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(TestData.RepositoryRoot, "infra", "scripts", "postdeploy.sh") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["PATH"] = $"{_bin.FullName}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        startInfo.Environment["AZURE_SUBSCRIPTION_ID"] = Subscription;
        startInfo.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
        startInfo.Environment["AZURE_FUNCTION_APP_NAME"] = "func-api-test";
        startInfo.Environment["ARTICLES_EVENTS_SYSTEM_TOPIC_NAME"] = "evgt-test";
        startInfo.Environment["ARTICLES_CONTAINER_NAME"] = "articles";
        startInfo.Environment["ARTICLES_TRIGGER_FUNCTION_NAME"] = "IngestArticle";
        startInfo.Environment["POSTDEPLOY_ATTEMPTS"] = "1";
        startInfo.Environment["POSTDEPLOY_DELAY_SECONDS"] = "0";

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
