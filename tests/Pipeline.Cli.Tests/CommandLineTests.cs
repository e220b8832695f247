using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.CommandLine;
using Pipeline.Core;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Detection;

namespace Pipeline.Cli.Tests;

/// <summary>Help, usage errors and their exit codes, the same for every command.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] CommandNames = ["run", "upload", "search", "show", "related", "status", "rejected", "reindex", "normalize", "soak"];

    public static TheoryData<string> Commands => [.. CommandNames];

    [Fact]
    public async Task Help_lists_every_command_and_the_exit_codes()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in CommandNames)
        {
            Assert.Contains($"  {command} ", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_with_examples_of_itself(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"pipeline {command}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task No_command_help_offers_additional_arguments()
    {
        foreach (var path in CommandPaths(PipelineCli.CreateRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null))))
        {
            var run = await CliRun.RunAsync([.. path, "--help"]);

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Contains($"pipeline {string.Join(' ', path)}".TrimEnd(), run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("additional arguments", run.Output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Exits_with_2_naming_a_setting_out_of_range_before_reaching_storage()
    {
        var run = await CliRun.RunAsync("run", "--Pipeline:Storage:Retry:MaxRetries=-1", "--Pipeline:LocalHost:Azurite:AutoStart=false");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("pipeline run: Pipeline:Storage:Retry:MaxRetries must be between 0 and 10 (was -1)", run.Error.Trim());
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Short_help_switches_work_too(string help)
    {
        var run = await CliRun.RunAsync("upload", help);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--wait", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "summarize", "a.txt" }, "'summarize'")]
    [InlineData(new[] { "normalize" }, "Required argument missing")]
    [InlineData(new[] { "normalize", "--pretty", "a.txt" }, "'--pretty'")]
    [InlineData(new[] { "normalize", "does/not/exist.txt" }, "no such file or folder: 'does/not/exist.txt'")]
    [InlineData(new[] { "upload", "does/not/exist.txt" }, "No such file or folder: 'does/not/exist.txt'")]
    [InlineData(new[] { "soak", "--count", "0" }, "--count must be a whole number of at least 1")]
    [InlineData(new[] { "soak", "--count", "many" }, "many")]
    [InlineData(new[] { "status", "--verbose" }, "unknown option '--verbose'")]
    [InlineData(new[] { "run", "article.txt" }, "unexpected argument 'article.txt'")]
    public async Task Exits_with_2_on_usage_errors_and_prints_nothing_to_standard_output(string[] args, string message)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Without_a_command_prints_the_overview_to_standard_error_and_exits_with_2()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Takes_arguments_after_a_double_dash_as_paths()
    {
        var run = await CliRun.RunAsync("normalize", "--", "--not-an-option.txt");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no such file or folder: '--not-an-option.txt'", run.Error, StringComparison.Ordinal);
    }

    private static IEnumerable<string[]> CommandPaths(Command command, string[]? path = null)
    {
        path ??= [];
        yield return path;
        foreach (var subcommand in command.Subcommands)
        {
            foreach (var subpath in CommandPaths(subcommand, [.. path, subcommand.Name]))
            {
                yield return subpath;
            }
        }
    }

    [Fact]
    public void Uses_the_format_detecting_normalizer_ingest_uses()
    {
        using var services = new ServiceCollection().AddLogging().AddPipelineCore().BuildServiceProvider();

        Assert.IsType<ArticleNormalizer>(services.GetRequiredService<IArticleNormalizer>());
    }
}
