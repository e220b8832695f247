using System.CommandLine;

namespace Pipeline.Cli.CommandLine;

/// <summary>
/// <c>--Key=value</c> configuration switches (<c>--Pipeline:Lucene:IndexPath=/tmp/index</c>), as the hosts read them:
/// any token the command does not know, provided it has that shape, so a misspelt option is still an error.
/// </summary>
internal static class ConfigurationSwitches
{
    public const string HelpText = """
        Configuration: settings come from local.settings.json at the repository root (else local.settings.sample.json),
        then environment variables (sections separated by '__'), then --Key=value switches on the command line, e.g.
        --Pipeline:Lucene:IndexPath=/tmp/index or --AzureWebJobsStorage=<connection string>.
        """;

    /// <summary>Lets <paramref name="command"/> take <c>--Key=value</c> switches.</summary>
    public static TCommand AcceptingConfigurationSwitches<TCommand>(this TCommand command)
        where TCommand : Command
    {
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    /// <summary>
    /// Splits the values of a command's file arguments into files and switches: the parser hands a token it does not
    /// know to an argument that takes more values, so <c>upload a.txt --Key=value</c> reaches the argument whole.
    /// </summary>
    public static (IReadOnlyList<string> Operands, IReadOnlyList<string> Switches) Of(ParseResult parsed, Argument<string[]> operands)
    {
        var values = parsed.GetValue(operands) ?? [];
        var switches = values.Where(IsSwitch).ToList();
        return ([.. values.Where(value => !IsSwitch(value))], [.. Of(parsed), .. switches]);
    }

    private static bool IsSwitch(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.IndexOf('=', StringComparison.Ordinal) > 2;

    /// <summary>The switches on the command line; anything else the command did not know is a usage error.</summary>
    public static IReadOnlyList<string> Of(ParseResult parsed)
    {
        var switches = new List<string>();
        foreach (var token in parsed.UnmatchedTokens)
        {
            if (!IsSwitch(token))
            {
                throw new CommandUsageException(token.StartsWith('-')
                    ? $"unknown option '{token}'. Configuration switches take the form --Key=value."
                    : $"unexpected argument '{token}'.");
            }

            switches.Add(token);
        }

        return switches;
    }
}
