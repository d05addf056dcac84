using System.CommandLine;

namespace CloudEconomics.Cli;

internal static partial class Commands
{
    private static void AddCatalogCommands(RootCommand root, CliContext context)
    {
        _ = root;
        _ = context;
    }
}
