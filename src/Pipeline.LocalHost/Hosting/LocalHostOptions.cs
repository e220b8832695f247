namespace Pipeline.LocalHost.Hosting;

/// <summary>Settings of the local host itself. Bound from <c>Pipeline:LocalHost</c>.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "Pipeline:LocalHost";

    /// <summary>Where the HTTP API listens unless <c>--urls</c> (or <c>ASPNETCORE_URLS</c>) says otherwise; the Functions host's port.</summary>
    public const string DefaultUrl = "http://localhost:7071";
}
