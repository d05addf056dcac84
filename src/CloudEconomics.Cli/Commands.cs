using System.CommandLine;

namespace CloudEconomics.Cli;

/// <summary>The command tree.</summary>
internal static class Commands
{
    internal static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "Output format: table (default) or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("cloudecon: the economics of AI infrastructure. With no command, prints the seed scenario report.");
        root.Options.Add(Format);
        return root;
    }
}
