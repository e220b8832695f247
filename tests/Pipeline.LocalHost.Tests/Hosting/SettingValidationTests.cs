using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Telemetry;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Hosting;

/// <summary>
/// A setting no host can run with stops the host at start, with a message naming the setting, before storage is asked
/// for anything: the storage here is a closed port, and the host may not start Azurite.
/// </summary>
public sealed class SettingValidationTests
{
    private static readonly string NoStorage = AzuriteEndpoints.OnLoopback("127.0.0.1", FreePort.Next(), FreePort.Next(), FreePort.Next()).ConnectionString;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refuses_to_start_with_a_max_concurrency_below_one_and_names_the_setting()
    {
        var error = await StartRefusedAsync(new() { ["Pipeline:Ingest:MaxConcurrency"] = "0" });

        Assert.Equal("Pipeline:Ingest:MaxConcurrency must be at least 1 (was 0)", error.Message);
    }

    [Fact]
    public async Task Refuses_to_start_with_a_json_depth_below_one_and_names_the_setting()
    {
        var error = await StartRefusedAsync(new() { ["Pipeline:Normalization:Json:MaxDepth"] = "0" });

        Assert.Equal("Pipeline:Normalization:Json:MaxDepth must be at least 1 (was 0)", error.Message);
    }

    [Fact]
    public async Task Refuses_to_start_with_a_storage_retry_count_out_of_range_and_names_the_setting()
    {
        var error = await StartRefusedAsync(new() { ["Pipeline:Storage:Retry:MaxRetries"] = "-1" });

        Assert.Equal("Pipeline:Storage:Retry:MaxRetries must be between 0 and 10 (was -1)", error.Message);
    }

    [Fact]
    public async Task Refuses_to_start_with_a_zero_azurite_start_timeout_and_names_the_setting()
    {
        var error = await StartRefusedAsync(new() { ["Pipeline:LocalHost:Azurite:StartTimeout"] = "00:00:00" });

        Assert.Equal("Pipeline:LocalHost:Azurite:StartTimeout must be positive (was 00:00:00)", error.Message);
    }

    [Fact]
    public async Task Refuses_to_start_with_a_longest_listing_interval_below_the_shortest_and_names_both_settings()
    {
        var error = await StartRefusedAsync(new()
        {
            ["Pipeline:LocalHost:Changes:MinScanInterval"] = "00:01:00",
            ["Pipeline:LocalHost:Changes:MaxScanInterval"] = "00:00:10",
        });

        Assert.Equal(
            "Pipeline:LocalHost:Changes:MaxScanInterval must be at least Pipeline:LocalHost:Changes:MinScanInterval (00:01:00) (was 00:00:10)",
            error.Message);
    }

    [Fact]
    public async Task Refuses_to_start_with_an_upload_queue_name_storage_would_refuse()
    {
        var error = await StartRefusedAsync(new() { ["Pipeline:LocalHost:Changes:UploadQueue"] = "My_Uploads" });

        Assert.StartsWith("Pipeline:LocalHost:Changes:UploadQueue must be a storage queue name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("Pipeline:Telemetry:OtlpEndpoint")]
    public void Rejects_an_otlp_endpoint_without_a_scheme_naming_the_key_it_came_from(string key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = "localhost:4317" }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddLocalTelemetry(configuration));

        Assert.Equal($"{key} must be an absolute http or https URL (was 'localhost:4317')", error.Message);
    }

    private static async Task<OptionsValidationException> StartRefusedAsync(Dictionary<string, string?> settings)
    {
        using var scope = new LocalHostScope();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => RunningLocalHost.StartAsync(NoStorage, scope, Ct, settings));
    }
}
