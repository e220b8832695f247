using Pipeline.Infra.Tests.Arm;
using Pipeline.Infra.Tests.Bicep;
using Pipeline.Testing;

[assembly: AssemblyFixture(typeof(Pipeline.Infra.Tests.Templates.CompiledTemplates))]

namespace Pipeline.Infra.Tests.Templates;

/// <summary>
/// The repository's Bicep entry points, compiled once for the whole test assembly (each build takes seconds).
/// </summary>
public sealed class CompiledTemplates : IAsyncLifetime
{
    public static string InfraFolder => Path.Combine(TestData.RepositoryRoot, "infra");

    public static string MainFile => Path.Combine(InfraFolder, "main.bicep");

    public static string ArticlesSubscriptionFile => Path.Combine(InfraFolder, "app", "articles-subscription.bicep");

    private Lazy<ArmTemplate> _main = null!;
    private Lazy<ArmTemplate> _articlesSubscription = null!;

    public BicepBuildResult MainBuild { get; private set; } = null!;

    public BicepBuildResult ArticlesSubscriptionBuild { get; private set; } = null!;

    /// <summary>main.bicep: everything <c>azd provision</c> deploys.</summary>
    public ArmTemplate Main => _main.Value;

    /// <summary>The Event Grid subscription the postdeploy hook deploys once the code runs.</summary>
    public ArmTemplate ArticlesSubscription => _articlesSubscription.Value;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var main = BicepCli.BuildAsync(MainFile, cancellationToken);
        var subscription = BicepCli.BuildAsync(ArticlesSubscriptionFile, cancellationToken);
        MainBuild = await main;
        ArticlesSubscriptionBuild = await subscription;
        _main = new(() => Parse(MainBuild));
        _articlesSubscription = new(() => Parse(ArticlesSubscriptionBuild));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // A template with diagnostics is not worth asserting on; the message carries bicep's own output.
    private static ArmTemplate Parse(BicepBuildResult build) =>
        build.IsClean ? ArmTemplate.Parse(build.ArmJson) : throw new InvalidOperationException(build.Describe());
}
