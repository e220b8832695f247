using Pipeline.Cli;
using Pipeline.Cli.LocalHost;

namespace Pipeline.Cli.Tests.LocalHost;

public sealed class ParsedCommandLineTests
{
    [Fact]
    public void No_arguments_run_the_host()
    {
        var parsed = ParsedCommandLine.Parse([]);

        Assert.Equal(ParsedCommandLine.RunCommand, parsed.Command);
        Assert.Empty(parsed.Operands);
        Assert.False(parsed.HelpRequested);
    }

    [Fact]
    public void Switches_alone_configure_the_default_run_command()
    {
        var parsed = ParsedCommandLine.Parse(["--urls", "http://localhost:8080", "--Pipeline:Lucene:IndexPath=/tmp/index"]);

        Assert.Equal(ParsedCommandLine.RunCommand, parsed.Command);
        Assert.Equal(["--urls", "http://localhost:8080", "--Pipeline:Lucene:IndexPath=/tmp/index"], parsed.Switches);
        Assert.Empty(parsed.Operands);
    }

    [Fact]
    public void Upload_takes_absolute_paths_as_files_not_as_switches()
    {
        var parsed = ParsedCommandLine.Parse(["upload", "/data/a.txt", "notes", "--AzureWebJobsStorage", "UseDevelopmentStorage=true", "b.md"]);

        Assert.Equal(ParsedCommandLine.UploadCommand, parsed.Command);
        Assert.Equal(["/data/a.txt", "notes", "b.md"], parsed.Operands);
        Assert.Equal(["--AzureWebJobsStorage", "UseDevelopmentStorage=true"], parsed.Switches);
    }

    [Fact]
    public void Everything_after_a_double_dash_is_a_file()
    {
        var parsed = ParsedCommandLine.Parse(["upload", "--", "--odd-name.txt"]);

        Assert.Equal(["--odd-name.txt"], parsed.Operands);
        Assert.Empty(parsed.Switches);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_is_recognised_in_its_usual_spellings(string arg)
    {
        Assert.True(ParsedCommandLine.Parse([arg]).HelpRequested);
    }

    [Fact]
    public void Help_after_a_command_is_help_too()
    {
        Assert.True(ParsedCommandLine.Parse(["upload", "--help"]).HelpRequested);
    }
}
