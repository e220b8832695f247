namespace Pipeline.LocalHost.Hosting;

/// <summary>The local host's own section, <c>Pipeline:LocalHost</c>, whose subsections hold its settings, and its defaults.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "Pipeline:LocalHost";

    /// <summary>Where the HTTP API listens unless <c>--urls</c> (or <c>ASPNETCORE_URLS</c>) says otherwise; the Functions host's port.</summary>
    public const string DefaultUrl = "http://localhost:7071";
}
