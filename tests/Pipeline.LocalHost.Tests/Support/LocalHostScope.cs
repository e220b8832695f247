using Pipeline.LocalHost.Hosting;

namespace Pipeline.LocalHost.Tests.Support;

/// <summary>
/// What makes one test's pipeline its own on a shared Azurite: its containers, WebJobs host id (receipts and the
/// trigger's queue are kept under it) and index folder. A restart test starts two hosts in one scope.
/// </summary>
public sealed class LocalHostScope : IDisposable
{
    private readonly TemporaryDirectory _data = new("host");

    public LocalHostScope()
    {
        var name = $"t{Guid.NewGuid():N}"[..12];
        HostId = $"{name}-host";
        Containers = new ArticleContainers($"{name}-articles", $"{name}-normalized", $"{name}-rejected");
    }

    public string HostId { get; }

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
        ["Pipeline:LocalHost:HostId"] = HostId,
        // The fixture's Azurite must be found; a test that started its own would hide a bug.
        ["Pipeline:LocalHost:Azurite:AutoStart"] = "false",
        ["urls"] = Urls,
        // The trigger's own "Executing ..." lines, which the defaults quiet, show what it picked up.
        ["Logging:LogLevel:Function"] = "Information",
    };

    public void Dispose() => _data.Dispose();
}
