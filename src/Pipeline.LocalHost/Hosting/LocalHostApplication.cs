using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Api;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Hosting;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Configuration;
using Pipeline.LocalHost.Telemetry;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Builds the one process that stands in for the Functions host locally: the WebJobs SDK runs the blob trigger and
/// Kestrel serves the HTTP API, both from one DI container, so the trigger and the API share the one index writer.
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

        ConfigureLogging(builder.Logging);

        builder.Services.AddPipeline(builder.Configuration);
        builder.Services.AddLocalTelemetry(builder.Configuration);
        builder.Services.AddOptions<AzuriteOptions>().BindConfiguration(AzuriteOptions.SectionName);
        builder.Services.AddSingleton<AzuriteLauncher>();

        // The host id and poison threshold are needed while the services are registered, before options exist.
        var localHost = builder.Configuration.GetSection(LocalHostOptions.SectionName).Get<LocalHostOptions>() ?? new LocalHostOptions();
        var ingest = builder.Configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>() ?? new IngestOptions();
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.UseHostId(localHost.HostId);
            webJobs.AddAzureStorageBlobs(blobs =>
            {
                blobs.PoisonBlobThreshold = localHost.PoisonBlobThreshold;
                // Bounded parallel ingest; writes for one blob name are serialized by the ingestor. A value below 1 is
                // refused at start by IngestOptionsValidator, naming the setting; the SDK's setter would throw first,
                // with a message that does not, so it is left at its default then.
                if (ingest.MaxConcurrency >= 1)
                {
                    blobs.MaxDegreeOfParallelism = ingest.MaxConcurrency;
                }
            });
            webJobs.AddAzureStorageQueues();
        });
        builder.Services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.SectionName);
        builder.Services.AddSingleton<TriggerActivity>();
        builder.Services.AddSingleton<HostRestartRequest>();
        builder.Services.AddSingleton<BlobTriggerPoisonQueue>();
        builder.Services.AddHostedService<ReconcileService>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ITypeLocator, LocalHostFunctionTypes>());
        builder.Services.Replace(ServiceDescriptor.Singleton<INameResolver, LocalHostNameResolver>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IWebJobsExceptionHandlerFactory, RestartingExceptionHandlerFactory>());

        options.ConfigureBuilder?.Invoke(builder);

        var app = builder.Build();
        var stop = app.Services.GetRequiredService<IngestStopSignal>();
        var grace = IngestStopSignal.GracePeriodWithin(
            app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.StopGracePeriod,
            app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        app.Lifetime.ApplicationStopping.Register(() => stop.BeginStop(grace));
        app.UsePipelineApiProblems();
        app.MapPipelineApi();
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
    }
}
