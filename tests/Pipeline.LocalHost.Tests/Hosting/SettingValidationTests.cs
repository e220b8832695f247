using Microsoft.Extensions.Options;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Hosting;

/// <summary>A setting no host can run with stops the host at start, with a message naming the setting.</summary>
public sealed class SettingValidationTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refuses_to_start_with_a_max_concurrency_below_one_and_names_the_setting()
    {
        using var scope = new LocalHostScope();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningLocalHost.StartAsync(
            azurite.ConnectionString, scope, Ct, new Dictionary<string, string?> { ["Pipeline:Ingest:MaxConcurrency"] = "0" }));

        Assert.Equal("Pipeline:Ingest:MaxConcurrency must be at least 1 (was 0)", error.Message);
    }

    [Fact]
    public async Task Refuses_to_start_with_a_json_depth_below_one_and_names_the_setting()
    {
        using var scope = new LocalHostScope();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningLocalHost.StartAsync(
            azurite.ConnectionString, scope, Ct, new Dictionary<string, string?> { ["Pipeline:Normalization:Json:MaxDepth"] = "0" }));

        Assert.Equal("Pipeline:Normalization:Json:MaxDepth must be at least 1 (was 0)", error.Message);
    }

    [Fact]
    public async Task Refuses_to_start_with_a_longest_listing_interval_below_the_shortest_and_names_both_settings()
    {
        using var scope = new LocalHostScope();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningLocalHost.StartAsync(
            azurite.ConnectionString, scope, Ct, new Dictionary<string, string?>
            {
                ["Pipeline:LocalHost:Changes:MinScanInterval"] = "00:01:00",
                ["Pipeline:LocalHost:Changes:MaxScanInterval"] = "00:00:10",
            }));

        Assert.Equal(
            "Pipeline:LocalHost:Changes:MaxScanInterval must be at least Pipeline:LocalHost:Changes:MinScanInterval (00:01:00) (was 00:00:10)",
            error.Message);
    }

    [Fact]
    public async Task Refuses_to_start_with_an_upload_queue_name_storage_would_refuse()
    {
        using var scope = new LocalHostScope();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningLocalHost.StartAsync(
            azurite.ConnectionString, scope, Ct, new Dictionary<string, string?> { ["Pipeline:LocalHost:Changes:UploadQueue"] = "My_Uploads" }));

        Assert.StartsWith("Pipeline:LocalHost:Changes:UploadQueue must be a storage queue name", error.Message, StringComparison.Ordinal);
    }
}
