namespace Pipeline.Storage;

/// <summary>Which storage account and containers the pipeline uses. Bound from <c>Pipeline:Storage</c>.</summary>
public sealed class BlobStorageOptions
{
    public const string SectionName = "Pipeline:Storage";

    /// <summary>
    /// Name of the connection setting, as the Functions host names it: either a connection string under this key, or
    /// identity-based settings under <c>{name}__blobServiceUri</c> / <c>{name}__accountName</c> (+ <c>__clientId</c>).
    /// </summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    /// <summary>
    /// Where people upload sources. The Functions blob trigger reads the same setting (a binding expression), so
    /// changing it moves the trigger too.
    /// </summary>
    public string ArticlesContainer { get; set; } = "articles";

    /// <summary>Where normalized articles are written as <c>{id}.json</c>.</summary>
    public string NormalizedContainer { get; set; } = "normalized";

    /// <summary>Where inputs that could not be normalized are recorded as <c>{blob name}.json</c>.</summary>
    public string RejectedContainer { get; set; } = "rejected";

    /// <summary>
    /// Storage endpoint suffix of the cloud, used when the connection gives only <c>{name}__accountName</c>:
    /// <c>core.windows.net</c> (public cloud), <c>core.usgovcloudapi.net</c>, <c>core.chinacloudapi.cn</c>.
    /// Connection strings and <c>{name}__blobServiceUri</c> carry their own host and ignore it.
    /// </summary>
    public string EndpointSuffix { get; set; } = "core.windows.net";
}
