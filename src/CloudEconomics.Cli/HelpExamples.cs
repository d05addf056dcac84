using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace CloudEconomics.Cli;

/// <summary>
/// Details and examples shown at the end of a command's own --help, so that the root help lists each command in one line.
/// </summary>
internal static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string> Table = new();

    /// <summary>Registers examples for a command and returns it.</summary>
    internal static Command WithExamples(this Command command, string examples)
    {
        Table.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Wraps the root's help action so that it appends the examples of the command asked about.</summary>
    internal static void Install(RootCommand root)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            if (option.Action is HelpAction inner)
            {
                option.Action = new ExamplesHelpAction(inner);
            }
        }
    }

    internal sealed class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            if (Table.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(examples.TrimEnd());
                output.WriteLine();
            }
            return code;
        }
    }
}
