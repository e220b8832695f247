using Pipeline.Cli;
using Pipeline.Cli.LocalHost;

namespace Pipeline.Cli.Tests.LocalHost;

public sealed class LocalHostCliTests
{
    [Fact]
    public async Task Help_lists_the_commands_and_the_configuration_keys()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LocalHostCli.RunAsync(["--help"], output, error);

        Assert.Equal(ExitCodes.Success, exitCode);
        var help = output.ToString();
        Assert.Contains("dotnet run -c Release --project src/Pipeline.Cli -- upload <file-or-folder>...", help);
        Assert.Contains("--urls <url>", help);
        Assert.Contains("Pipeline__Lucene__IndexPath", help);
        Assert.Contains("Pipeline__LocalHost__Azurite__Location", help);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LocalHostCli.RunAsync(["serve"], output, error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Unknown command 'serve'", error.ToString());
    }

    [Fact]
    public async Task Run_rejects_file_names_and_suggests_upload()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await LocalHostCli.RunAsync(["run", "article.txt"], output, error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("-- upload article.txt", error.ToString());
    }
}
