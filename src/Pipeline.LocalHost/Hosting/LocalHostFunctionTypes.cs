using Microsoft.Azure.WebJobs;

namespace Pipeline.LocalHost.Hosting;

/// <summary>
/// The classes the WebJobs host indexes for functions. The SDK's default scans every loaded assembly that references
/// WebJobs, which in a test process includes the tests; naming the classes keeps the host to exactly its triggers.
/// </summary>
internal sealed class LocalHostFunctionTypes : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(ArticleBlobTrigger)];
}
