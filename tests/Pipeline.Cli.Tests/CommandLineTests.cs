using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Detection;

namespace Pipeline.Cli.Tests;

/// <summary>Help, usage errors and their exit codes.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("normalize", "--help")]
    public async Task Prints_help_with_examples_and_exit_codes(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("normalize <file-or-folder>...", run.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "Usage:")]
    [InlineData(new[] { "summarize", "a.txt" }, "Unknown command 'summarize'")]
    [InlineData(new[] { "normalize" }, "name at least one file or folder")]
    [InlineData(new[] { "normalize", "--pretty", "a.txt" }, "unknown option '--pretty'")]
    [InlineData(new[] { "normalize", "does/not/exist.txt" }, "no such file or folder: 'does/not/exist.txt'")]
    public async Task Exits_with_2_on_usage_errors_and_prints_nothing_to_standard_output(string[] args, string message)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Takes_arguments_after_a_double_dash_as_paths()
    {
        var run = await CliRun.RunAsync("normalize", "--", "--not-an-option.txt");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no such file or folder: '--not-an-option.txt'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_the_format_detecting_normalizer_ingest_uses()
    {
        using var services = new ServiceCollection().AddLogging().AddPipelineCore().BuildServiceProvider();

        Assert.IsType<ArticleNormalizer>(services.GetRequiredService<IArticleNormalizer>());
    }
}
