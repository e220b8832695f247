namespace Pipeline.LocalHost.Azurite;

/// <summary>How to start an Azurite process.</summary>
public sealed record AzuriteStartOptions
{
    /// <summary>The folder Azurite keeps its data in; created when missing.</summary>
    public required string Location { get; init; }

    /// <summary>Let the OS pick three free ports (for tests), instead of <see cref="Endpoints"/>' ports.</summary>
    public bool UseFreePorts { get; init; }

    /// <summary>Where to listen when <see cref="UseFreePorts"/> is false.</summary>
    public AzuriteEndpoints Endpoints { get; init; } = AzuriteEndpoints.Default;

    /// <summary>How long to wait for all three services to listen.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The installation to run; null finds the repository's from the working directory.</summary>
    public AzuriteInstallation? Installation { get; init; }

    /// <summary>Receives progress lines such as the first-run install notice.</summary>
    public Action<string>? Progress { get; init; }
}
