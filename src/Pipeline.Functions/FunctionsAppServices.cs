using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Functions.Telemetry;
using Pipeline.Hosting;

namespace Pipeline.Functions;

/// <summary>The Functions app's services on top of the worker's own, apart from <c>Program</c> so that tests can start a host with them.</summary>
public static class FunctionsAppServices
{
    /// <summary>The pipeline (its settings checked when the host starts), telemetry, and the app's log filters.</summary>
    public static TBuilder AddPipelineFunctionsApp<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPipeline(builder.Configuration);
        builder.Services.AddFunctionsTelemetry(builder.Configuration);

        // Azure.Core logs every storage request at Information; that drowns the pipeline's own messages.
        builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
        return builder;
    }
}
