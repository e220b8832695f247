using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Options;
using Pipeline.Storage;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// Resolves the <c>%name%</c> placeholders in trigger attributes, so the trigger watches the container that
/// <see cref="BlobStorageOptions"/> configure rather than a name fixed at compile time.
/// </summary>
public sealed class LocalHostNameResolver(IOptions<BlobStorageOptions> storage, IConfiguration configuration) : INameResolver
{
    public const string ArticlesContainer = "PipelineArticlesContainer";

    public string? Resolve(string name) => name switch
    {
        ArticlesContainer => storage.Value.ArticlesContainer,
        _ => configuration[name],
    };
}
