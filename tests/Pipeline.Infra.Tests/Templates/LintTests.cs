using System.Text.Json.Nodes;
using Pipeline.Infra.Tests.Bicep;

namespace Pipeline.Infra.Tests.Templates;

/// <summary>
/// Every Bicep file, modules included, on its own: it compiles (<c>bicep build</c>) and the linter
/// (<c>bicep lint</c>, every rule on in infra/bicepconfig.json) finds nothing, current API versions included.
/// </summary>
public sealed class LintTests(LintTests.AllFiles all) : IClassFixture<LintTests.AllFiles>
{
    // Rules the Bicep linter leaves off unless bicepconfig.json turns them on.
    public static TheoryData<string> RulesOffByDefault =>
    [
        "explicit-values-for-loc-params",
        "no-hardcoded-location",
        "no-loc-expr-outside-params",
        "no-unused-existing-resources",
        "use-recent-api-versions",
        "use-resource-symbol-reference",
        "use-safe-access",
        "use-secure-value-for-secure-inputs",
        "use-user-defined-types",
        "what-if-short-circuiting",
    ];

    public static TheoryData<string> BicepFiles =>
        [.. Directory.EnumerateFiles(CompiledTemplates.InfraFolder, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CompiledTemplates.InfraFolder, f))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Build_of_every_file_succeeds()
    {
        Assert.Equal(0, all.Build.ExitCode);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Bicep_file_compiles_without_errors_or_warnings(string file)
    {
        Assert.True(File.Exists(Path.Combine(all.OutputFolder, Path.ChangeExtension(file, ".json"))), all.Build.Describe());
        Assert.Empty(all.DiagnosticsOf(all.Build, file));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Bicep_file_passes_every_linter_rule(string file)
    {
        Assert.Empty(all.DiagnosticsOf(all.Lint, file));
    }

    [Fact]
    public void Lint_of_every_file_reports_nothing()
    {
        Assert.True(all.Lint.IsClean, all.Lint.Describe());
    }

    [Fact]
    public void Linter_is_enabled()
    {
        Assert.True((bool)Analyzer()["enabled"]!);
    }

    [Theory]
    [MemberData(nameof(RulesOffByDefault))]
    public void Rule_that_is_off_by_default_is_turned_on(string rule)
    {
        var level = (string?)Analyzer()["rules"]?[rule]?["level"];

        Assert.True(level is "warning" or "error", $"bicepconfig.json leaves '{rule}' at '{level ?? "its default (off)"}'.");
    }

    [Fact]
    public void No_rule_is_turned_off()
    {
        var rules = Analyzer()["rules"]!.AsObject();

        Assert.All(rules, rule => Assert.NotEqual("off", (string?)rule.Value!["level"]));
    }

    private static JsonNode Analyzer() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplates.InfraFolder, "bicepconfig.json")))!["analyzers"]!["core"]!;

    /// <summary>One build and one lint over every file under infra/.</summary>
    public sealed class AllFiles : IAsyncLifetime
    {
        public string OutputFolder { get; } = Directory.CreateTempSubdirectory("pipeline-bicep-build-").FullName;

        public BicepBuildResult Build { get; private set; } = null!;

        public BicepBuildResult Lint { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            Build = await BicepCli.BuildAllAsync(CompiledTemplates.InfraFolder, OutputFolder, cancellationToken);
            Lint = await BicepCli.LintAllAsync(CompiledTemplates.InfraFolder, cancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            Directory.Delete(OutputFolder, recursive: true);
            return ValueTask.CompletedTask;
        }

        /// <summary>The diagnostic lines bicep reported for one file (it prefixes each with the file's full path).</summary>
        public IReadOnlyList<string> DiagnosticsOf(BicepBuildResult result, string file)
        {
            var path = Path.Combine(CompiledTemplates.InfraFolder, file);
            return result.Diagnostics.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.StartsWith($"{path}(", StringComparison.Ordinal))
                .ToArray();
        }
    }
}
