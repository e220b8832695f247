namespace Pipeline.LocalHost.Configuration;

/// <summary>
/// Where the repository is, seen from a running local host: its root holds the settings files, <c>package.json</c>
/// (Azurite) and <c>.data/</c>, and relative paths in settings are resolved against it.
/// </summary>
public sealed class RepositoryLayout
{
    public const string SettingsFileName = "local.settings.json";
    public const string SampleSettingsFileName = "local.settings.sample.json";

    private RepositoryLayout(string root) => Root = root;

    public string Root { get; }

    /// <summary>
    /// <c>local.settings.json</c> when someone made one (it is git-ignored), else the committed sample; null when neither exists.
    /// </summary>
    public string? SettingsFile =>
        new[] { SettingsFileName, SampleSettingsFileName }.Select(name => Path.Combine(Root, name)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Walks up from the working directory, then from the program's folder, to the first folder with settings files
    /// or the solution. Falls back to the working directory, so a copied-out host still runs on its defaults.
    /// </summary>
    public static RepositoryLayout Discover() =>
        FindFrom(Environment.CurrentDirectory) ?? FindFrom(AppContext.BaseDirectory) ?? new RepositoryLayout(Environment.CurrentDirectory);

    public static RepositoryLayout At(string root) => new(Path.GetFullPath(root));

    private static RepositoryLayout? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SettingsFileName)) ||
                File.Exists(Path.Combine(dir.FullName, SampleSettingsFileName)) ||
                File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return new RepositoryLayout(dir.FullName);
            }
        }

        return null;
    }
}
