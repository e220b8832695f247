using Pipeline.LocalHost.Configuration;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Configuration;

public sealed class LocalConfigurationTests
{
    private const string SettingsJson = """
        {
          "IsEncrypted": false,
          "Values": {
            "AzureWebJobsStorage": "UseDevelopmentStorage=true",
            "Pipeline__Lucene__IndexPath": ".data/index",
            "Pipeline__Storage__ArticlesContainer": "from-file"
          },
          "ConnectionStrings": { "Extra": "x=y" }
        }
        """;

    [Fact]
    public void Reads_Functions_settings_with_double_underscore_sections()
    {
        using var repo = new TemporaryDirectory("settings");
        var file = repo.WriteFile(RepositoryLayout.SettingsFileName, SettingsJson);

        var configuration = LocalConfiguration.Build([], file, RepositoryLayout.At(repo.Path));

        Assert.Equal("UseDevelopmentStorage=true", configuration["AzureWebJobsStorage"]);
        Assert.Equal("from-file", configuration["Pipeline:Storage:ArticlesContainer"]);
        Assert.Equal("x=y", configuration.GetSection("ConnectionStrings")["Extra"]);
    }

    [Fact]
    public void Command_line_switches_win_over_the_settings_file()
    {
        using var repo = new TemporaryDirectory("settings");
        var file = repo.WriteFile(RepositoryLayout.SettingsFileName, SettingsJson);

        var configuration = LocalConfiguration.Build(["--Pipeline:Storage:ArticlesContainer=from-args"], file, RepositoryLayout.At(repo.Path));

        Assert.Equal("from-args", configuration["Pipeline:Storage:ArticlesContainer"]);
    }

    [Fact]
    public void Relative_data_paths_are_anchored_at_the_repository_root()
    {
        using var repo = new TemporaryDirectory("settings");
        var file = repo.WriteFile(RepositoryLayout.SettingsFileName, SettingsJson);

        var configuration = LocalConfiguration.Build([], file, RepositoryLayout.At(repo.Path));

        Assert.Equal(repo.Combine(".data", "index"), configuration["Pipeline:Lucene:IndexPath"]);
        Assert.Equal(repo.Combine(".data", "azurite"), configuration["Pipeline:LocalHost:Azurite:Location"]);
    }

    [Fact]
    public void The_local_settings_file_is_preferred_over_the_sample()
    {
        using var repo = new TemporaryDirectory("settings");
        repo.WriteFile(RepositoryLayout.SampleSettingsFileName, SettingsJson);
        Assert.Equal(repo.Combine(RepositoryLayout.SampleSettingsFileName), RepositoryLayout.At(repo.Path).SettingsFile);

        repo.WriteFile(RepositoryLayout.SettingsFileName, SettingsJson);
        Assert.Equal(repo.Combine(RepositoryLayout.SettingsFileName), RepositoryLayout.At(repo.Path).SettingsFile);
    }

    [Fact]
    public void The_pipelines_own_connection_setting_also_feeds_the_trigger()
    {
        var configuration = LocalConfiguration.Build(
            ["--Pipeline:Storage:ConnectionName=PipelineStorage", "--PipelineStorage=UseDevelopmentStorage=true"], null, RepositoryLayout.At(Path.GetTempPath()));

        Assert.Equal("UseDevelopmentStorage=true", configuration[LocalConfiguration.WebJobsStorageKey]);
    }

    [Fact]
    public void Encrypted_settings_are_refused_with_a_reason()
    {
        using var repo = new TemporaryDirectory("settings");
        var file = repo.WriteFile(RepositoryLayout.SettingsFileName, """{ "IsEncrypted": true, "Values": { "A": "b" } }""");

        var error = Assert.Throws<InvalidDataException>(() => LocalConfiguration.Build([], file, RepositoryLayout.At(repo.Path)));

        Assert.Contains("encrypted", error.Message);
    }
}
