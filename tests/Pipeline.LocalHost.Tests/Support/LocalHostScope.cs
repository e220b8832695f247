using Pipeline.LocalHost.Hosting;

namespace Pipeline.LocalHost.Tests.Support;

/// <summary>
/// What makes one test's pipeline its own on a shared Azurite: its containers (the upload queue is named after the
/// articles container) and index folder. A restart test starts two hosts in one scope.
/// </summary>
public sealed class LocalHostScope : IDisposable
{
    private readonly TemporaryDirectory _data = new("host");

    public LocalHostScope()
    {
        var name = $"t{Guid.NewGuid():N}"[..12];
        Containers = new ArticleContainers($"{name}-articles", $"{name}-normalized", $"{name}-rejected");
    }

    public ArticleContainers Containers { get; }

    public string IndexPath => _data.Combine("index");

    public string DataPath => _data.Path;

    /// <summary>Where the API listens; port 0 lets the OS pick a free port, and the host reports it.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    public IReadOnlyDictionary<string, string?> Settings(string connectionString) => new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["Pipeline:Storage:ArticlesContainer"] = Containers.Articles,
        ["Pipeline:Storage:NormalizedContainer"] = Containers.Normalized,
        ["Pipeline:Storage:RejectedContainer"] = Containers.Rejected,
        ["Pipeline:Lucene:IndexPath"] = IndexPath,
        // The fixture's Azurite must be found; a test that started its own would hide a bug.
        ["Pipeline:LocalHost:Azurite:AutoStart"] = "false",
        ["urls"] = Urls,
    };

    public void Dispose() => _data.Dispose();
}
