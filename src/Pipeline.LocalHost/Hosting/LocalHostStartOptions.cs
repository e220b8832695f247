using Pipeline.LocalHost.Configuration;

namespace Pipeline.LocalHost.Hosting;

/// <summary>What <see cref="LocalPipelineHost.StartAsync"/> needs; the program fills it from the command line, tests by hand.</summary>
public sealed record LocalHostStartOptions
{
    /// <summary>Configuration switches (<c>--urls http://...</c>, <c>--Pipeline:Lucene:IndexPath=...</c>); no command or file names.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The repository the settings file, <c>.data/</c> and relative paths belong to; null finds it from the working directory.</summary>
    public RepositoryLayout? Repository { get; init; }

    /// <summary>Read <c>local.settings.json</c> (or the sample) from the repository root. Tests turn it off to run on their own settings only.</summary>
    public bool UseSettingsFile { get; init; } = true;

    /// <summary>Settings that win over every other source; tests use them to point the host at their own storage and index.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Last-chance changes to the builder before the host is built, such as extra logging providers in tests.</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }
}
