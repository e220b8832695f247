using System.Xml.Linq;
using Pipeline.Testing;

namespace Pipeline.Infra.Tests.Layout;

/// <summary>
/// The product (every project under <c>src/</c>) stands on its own: it references only other product libraries, never
/// a test double or test support under <c>tests/</c>, a tool, a benchmark, or an executable.
/// </summary>
public sealed class ProductReferenceTests
{
    private static readonly string SourceRoot = Path.Combine(TestData.RepositoryRoot, "src");

    public static TheoryData<string> ProductProjects =>
        [.. Directory.EnumerateFiles(SourceRoot, "*.csproj", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(TestData.RepositoryRoot, path))];

    [Fact]
    public void The_product_projects_are_found()
    {
        Assert.Contains(Path.Combine("src", "Pipeline.Core", "Pipeline.Core.csproj"), ProductProjects.Select(row => row.Data));
        Assert.Contains(Path.Combine("src", "Pipeline.Cli", "Pipeline.Cli.csproj"), ProductProjects.Select(row => row.Data));
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void A_product_project_references_only_product_libraries(string project)
    {
        var problems = ProjectReferences(Path.Combine(TestData.RepositoryRoot, project))
            .Select(reference => Problem(reference))
            .OfType<string>()
            .ToList();

        Assert.True(problems.Count == 0, $"{project}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void A_reference_to_a_test_double_or_an_executable_is_reported()
    {
        Assert.NotNull(Problem(Path.Combine(TestData.RepositoryRoot, "tests", "Pipeline.Testing", "Pipeline.Testing.csproj")));
        Assert.NotNull(Problem(Path.Combine(SourceRoot, "Pipeline.Cli", "Pipeline.Cli.csproj")));
        Assert.NotNull(Problem(Path.Combine(SourceRoot, "Pipeline.Functions", "Pipeline.Functions.csproj")));
        Assert.Null(Problem(Path.Combine(SourceRoot, "Pipeline.Core", "Pipeline.Core.csproj")));
    }

    private static IEnumerable<string> ProjectReferences(string projectPath) =>
        XDocument.Load(projectPath).Descendants("ProjectReference")
            .Select(reference => reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))
            .Select(include => Path.GetFullPath(include, Path.GetDirectoryName(projectPath)!));

    /// <summary>Why a product project may not reference <paramref name="referencedPath"/>, or null when it may.</summary>
    private static string? Problem(string referencedPath)
    {
        var name = Path.GetRelativePath(TestData.RepositoryRoot, referencedPath);
        if (!referencedPath.StartsWith(SourceRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"  {name} is not a product project (src/): test doubles, test support, tools and benchmarks stay out of the product";
        }

        if (!File.Exists(referencedPath))
        {
            return $"  {name} does not exist";
        }

        var project = XDocument.Load(referencedPath).Root!;
        var sdk = project.Attribute("Sdk")?.Value ?? string.Empty;
        var outputType = project.Descendants("OutputType").LastOrDefault()?.Value;
        var isExecutable = string.Equals(outputType, "Exe", StringComparison.OrdinalIgnoreCase) ||
                           string.Equals(outputType, "WinExe", StringComparison.OrdinalIgnoreCase) ||
                           (outputType is null && sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase));
        if (isExecutable)
        {
            return $"  {name} is an executable: share its code through a library instead";
        }

        var isTestProject = project.Descendants("IsTestProject").Any(e => string.Equals(e.Value, "true", StringComparison.OrdinalIgnoreCase)) ||
                            project.Descendants("PackageReference").Any(e => e.Attribute("Include")?.Value.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) == true);
        return isTestProject ? $"  {name} is test code" : null;
    }
}
