using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Pipeline.Bench;

/// <summary>
/// The parts every bench command shares: the <c>--shared</c> and <c>--out</c> options, whole-number options, examples
/// under <c>--help</c>, and the exit codes (0 done, 1 data missing, 2 usage error).
/// </summary>
internal static class BenchCommandLine
{
    public const int Success = 0;
    public const int DataMissing = 1;
    public const int Usage = 2;

    private static readonly ConditionalWeakTable<Command, IReadOnlyList<string>> Examples = [];

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((HelpAction)help.Action!);
        if (args.Length == 0)
        {
            // No command: the overview, as --help prints it.
            args = ["--help"];
        }

        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }

            Console.Error.WriteLine($"See '{CommandPath(parsed.CommandResult.Command)} --help'.");
            return Usage;
        }

        return await parsed.InvokeAsync();
    }

    private static string CommandPath(Command command) =>
        command is RootCommand ? "Pipeline.Bench" : $"{CommandPath(command.Parents.OfType<Command>().First())} {command.Name}";

    /// <summary><c>--shared &lt;dir&gt;</c>: the shared data folder that holds <c>corpora/</c>, as a full path.</summary>
    public static Option<string> SharedOption() => new("--shared")
    {
        Description = "The shared data folder that holds corpora/, ../shared next to the repository by default.",
        HelpName = "dir",
        DefaultValueFactory = _ => BenchPaths.DefaultShared,
        CustomParser = result => Path.GetFullPath(result.Tokens[0].Value),
    };

    /// <summary><c>--out &lt;file.md&gt;</c>: where the Markdown report is written, as a full path.</summary>
    public static Option<string> OutOption(string defaultReport) => new("--out")
    {
        Description = "Where the Markdown report is written.",
        HelpName = "file.md",
        DefaultValueFactory = _ => BenchPaths.Result(defaultReport),
        CustomParser = result => Path.GetFullPath(result.Tokens[0].Value),
    };

    /// <summary>A whole-number option, <c>_</c> allowed as a digit separator (<c>100_000</c>); left out, it is null.</summary>
    public static Option<int?> WholeNumberOption(string name, string description, bool allowZero = false) => new(name)
    {
        Description = description,
        HelpName = "n",
        CustomParser = result =>
        {
            var raw = result.Tokens[0].Value;
            if (TryParseWholeNumber(raw, out var value) && (value > 0 || (allowZero && value == 0)))
            {
                return value;
            }

            result.AddError($"{name} must be a {(allowZero ? "non-negative" : "positive")} whole number; got '{raw}'.");
            return null;
        },
    };

    public static bool TryParseWholeNumber(string raw, out int value) =>
        int.TryParse(raw.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>Attaches examples (one command line each) printed under the command's <c>--help</c>.</summary>
    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    private sealed class HelpWithExamples(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            inner.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples) && examples.Count > 0)
            {
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }

                output.WriteLine();
            }

            output.WriteLine("Exit codes: 0 done, 1 data not found (see --shared), 2 usage error.");
            return Success;
        }
    }
}
