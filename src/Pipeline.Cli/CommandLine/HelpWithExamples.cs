using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Pipeline.Cli.CommandLine;

/// <summary>
/// <c>--help</c> as System.CommandLine writes it, followed by the command's examples and the exit codes every
/// command shares.
/// </summary>
internal static class HelpWithExamples
{
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<string>> Examples = [];
    private static readonly ConditionalWeakTable<Command, string> Notes = [];

    /// <summary>Attaches a paragraph printed after the options: configuration keys, how a command finds what it reads.</summary>
    public static TCommand WithNotes<TCommand>(this TCommand command, string notes)
        where TCommand : Command
    {
        Notes.AddOrUpdate(command, notes);
        return command;
    }

    /// <summary>Attaches examples (one command line each, optionally followed by '  # what it does') to a command.</summary>
    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new Action((HelpAction)help.Action!);
    }

    /// <summary>Writes the help of the parsed command to <paramref name="writer"/>.</summary>
    public static async Task WriteAsync(ParseResult parsed, TextWriter writer) =>
        await parsed.RootCommandResult.Command.Parse(["--help"])
            .InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer });

    private static void WriteExamples(Command command, TextWriter writer)
    {
        if (Notes.TryGetValue(command, out var notes))
        {
            writer.WriteLine(notes);
            writer.WriteLine();
        }

        if (Examples.TryGetValue(command, out var examples) && examples.Count > 0)
        {
            writer.WriteLine("Examples:");
            foreach (var example in examples)
            {
                writer.WriteLine($"  {example}");
            }

            writer.WriteLine();
        }

        writer.WriteLine(ExitCodes.Help);
    }

    private sealed class Action(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            // A command that takes --Key=value switches leaves the tokens it does not know to them
            // (TreatUnmatchedTokensAsErrors off), and System.CommandLine's help then describes them as
            // "[[--] <additional arguments>...]]", arguments passed on to another program, which these are not; the
            // notes explain the switches instead. The help builder cannot be customized, so it is shown the command
            // as it would be without them.
            var command = parseResult.CommandResult.Command;
            var treatedUnmatchedTokensAsErrors = command.TreatUnmatchedTokensAsErrors;
            command.TreatUnmatchedTokensAsErrors = true;
            try
            {
                inner.Invoke(parseResult);
            }
            finally
            {
                command.TreatUnmatchedTokensAsErrors = treatedUnmatchedTokensAsErrors;
            }

            WriteExamples(command, parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        }
    }
}
