using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Search;
using Pipeline.Hosting;

namespace Pipeline.Cli.CommandLine;

/// <summary>The services the hosts compose (stores, index, ingestor), for commands that work on storage directly.</summary>
internal static class PipelineServices
{
    /// <param name="minimumLevel">What is logged; the soak raises it to Error, since rejections are what it expects.</param>
    public static ServiceProvider Create(IConfiguration configuration, LogLevel minimumLevel = LogLevel.Warning) =>
        new ServiceCollection()
            // Standard output carries data, so anything worth logging goes to standard error.
            .AddLogging(logging => logging
                .SetMinimumLevel(minimumLevel)
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddPipeline(configuration)
            .BuildValidated();

    /// <summary>
    /// Builds the provider and checks the settings the hosts check at start (the options registered with
    /// <c>ValidateOnStart</c>), since no host starts here: a bad setting stops the command before it does anything.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is out of range (<see cref="AggregateException"/> for several sections).</exception>
    public static ServiceProvider BuildValidated(this IServiceCollection services)
    {
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

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
