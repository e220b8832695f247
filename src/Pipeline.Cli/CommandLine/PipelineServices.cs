using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Search;
using Pipeline.Hosting;

namespace Pipeline.Cli.CommandLine;

/// <summary>The services the hosts compose (stores, index, ingestor), for commands that work on storage directly.</summary>
internal static class PipelineServices
{
    public static ServiceProvider Create(IConfiguration configuration) =>
        new ServiceCollection()
            // Standard output carries data, so anything worth logging goes to standard error.
            .AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddPipeline(configuration)
            .BuildServiceProvider();

    /// <summary>Opens the search index for writing, now rather than mid-run, with a clear message when a host holds it.</summary>
    /// <exception cref="ServiceUnavailableException">The index cannot be opened, typically because a local host runs.</exception>
    public static IArticleIndex OpenIndexForWriting(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IArticleIndex>();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new ServiceUnavailableException(
                $"cannot open the search index: {ex.Message}{Environment.NewLine}" +
                "The embedded index has a single writer: stop the local host (pipeline run), then run this command again.", ex);
        }
    }
}
