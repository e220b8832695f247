namespace Pipeline.LocalHost.Azurite;

/// <summary>How the local host gets its storage emulator. Bound from <c>Pipeline:LocalHost:Azurite</c>.</summary>
public sealed class AzuriteOptions
{
    public const string SectionName = "Pipeline:LocalHost:Azurite";

    /// <summary>Start Azurite when nothing answers at the configured storage endpoints.</summary>
    public bool AutoStart { get; set; } = true;

    /// <summary>Azurite's data folder; relative paths are resolved against the repository root.</summary>
    public string Location { get; set; } = Path.Combine(".data", "azurite");

    /// <summary>How long to wait for a started Azurite to listen.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
