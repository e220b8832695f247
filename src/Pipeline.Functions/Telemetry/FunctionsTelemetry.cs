using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pipeline.Core.Telemetry;

namespace Pipeline.Functions.Telemetry;

internal static class FunctionsTelemetry
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Set by the infrastructure: <c>ClientId=...;Authorization=AAD</c>, the identity to get Entra ID tokens with.</summary>
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// Sends the worker's spans (function invocations, the pipeline's ingest and request spans) and the pipeline's
    /// metrics to Application Insights, when a connection string is configured; otherwise registers nothing.
    /// </summary>
    public static IServiceCollection AddFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var credential = CredentialFrom(configuration[AuthenticationStringKey]);

        // The Azure SDK traces its storage and search calls through ActivitySource only behind this switch; with it,
        // they appear in Application Insights as dependencies under the function's request.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource([.. PipelineTelemetry.Names]).AddSource("Azure.*"))
            .WithMetrics(metrics => metrics.AddMeter([.. PipelineTelemetry.Names]))
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                exporter.Credential = credential;
            });
        return services;
    }

    /// <summary>
    /// The credential the authentication string names: a user-assigned managed identity for
    /// <c>ClientId=...;Authorization=AAD</c>, the system-assigned one for <c>Authorization=AAD</c> alone, and none
    /// (instrumentation-key ingestion) when the setting is absent.
    /// </summary>
    internal static TokenCredential? CredentialFrom(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{AuthenticationStringKey} must be 'Authorization=AAD' or 'ClientId=<client id>;Authorization=AAD'; it is '{authenticationString}'.");
        }

        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrEmpty(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
