using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pipeline.Core.Telemetry;

namespace Pipeline.LocalHost.Telemetry;

public static class LocalTelemetryServiceCollectionExtensions
{
    /// <summary>The service name spans and metrics carry.</summary>
    public const string ServiceName = "pipeline-local";

    /// <summary>
    /// Registers OpenTelemetry for the pipeline's sources and meters, ASP.NET Core requests and outgoing HTTP calls
    /// (storage, Azure AI Search), exported as <see cref="LocalTelemetryOptions"/> says. With no exporter configured
    /// nothing is registered, so nothing is collected. <paramref name="configure"/> lets tests add their own exporter.
    /// </summary>
    /// <exception cref="OptionsValidationException">The OTLP endpoint is not an absolute http or https URL.</exception>
    public static IServiceCollection AddLocalTelemetry(
        this IServiceCollection services, IConfiguration configuration, Action<OpenTelemetryBuilder>? configure = null)
    {
        var options = LocalTelemetryOptions.From(configuration);
        new LocalTelemetryOptionsValidator(configuration).ThrowIfInvalid(options);
        if (!options.Enabled && configure is null)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource([.. PipelineTelemetry.Names])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter([.. PipelineTelemetry.Names])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        if (options.Console)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            var endpoint = new Uri(options.OtlpEndpoint);
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter(otlp => otlp.Endpoint = endpoint))
                .WithMetrics(metrics => metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint));
        }

        configure?.Invoke(telemetry);
        return services;
    }
}
