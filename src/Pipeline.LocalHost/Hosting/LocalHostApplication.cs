using Microsoft.Extensions.Options;
using Pipeline.Api;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Hosting;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Changes;
using Pipeline.LocalHost.Configuration;
using Pipeline.LocalHost.Telemetry;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Builds the one process that stands in for the Functions host locally: <see cref="BlobChangeDetector"/> stands in for
/// the blob trigger and Kestrel serves the HTTP API, both from one DI container, so ingest and the API share the one
/// index writer.
/// </summary>
internal static class LocalHostApplication
{
    public static WebApplication Build(LocalHostStartOptions options, RepositoryLayout repository)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. options.Args],
            ContentRootPath = repository.Root,
            // The default is the entry assembly, which is the test runner when tests host this.
            ApplicationName = typeof(LocalHostApplication).Assembly.GetName().Name,
        });

        LocalConfiguration.AddLocalSources(
            builder.Configuration, options.UseSettingsFile ? repository.SettingsFile : null, repository, options.Settings);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(LocalHostOptions.DefaultUrl);
        }

        LocalHostLogging.Configure(builder.Logging);

        // Before AddPipeline, whose registrations give way to ones already made.
        builder.Services.AddSingleton<BlobRejectionStore>();
        builder.Services.AddSingleton<IRejectionStore, SingleWriterRejectionStore>();
        builder.Services.AddPipeline(builder.Configuration);
        builder.Services.AddLocalTelemetry(builder.Configuration);
        builder.Services.AddOptions<AzuriteOptions>().BindConfiguration(AzuriteOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AzuriteOptions>, AzuriteOptionsValidator>();
        builder.Services.AddSingleton<AzuriteLauncher>();

        builder.Services.AddOptions<ChangeDetectionOptions>().BindConfiguration(ChangeDetectionOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ChangeDetectionOptions>, ChangeDetectionOptionsValidator>();
        builder.Services.AddSingleton<HostRestartRequest>();
        builder.Services.AddSingleton<BlobTriggerPoisonQueue>();
        builder.Services.AddSingleton<IngestQueue>();
        builder.Services.AddSingleton<BlobChangeDetector>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BlobChangeDetector>());
        builder.Services.AddHostedService<ReconcileService>();

        options.ConfigureBuilder?.Invoke(builder);

        var app = builder.Build();
        var stop = app.Services.GetRequiredService<IngestStopSignal>();
        var grace = IngestStopSignal.GracePeriodWithin(
            app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.StopGracePeriod,
            app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        app.Lifetime.ApplicationStopping.Register(() => stop.BeginStop(grace));
        app.UsePipelineApiProblems();
        app.MapPipelineApi();
        app.MapUploadHandOff();
        return app;
    }
}
