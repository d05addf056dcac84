using System.CommandLine;

namespace CloudEconomics.Cli;

/// <summary><c>catalog</c>: the group of <c>list</c>, <c>rank</c>, <c>import</c> and <c>audit</c>, with the shared <c>--as-of</c> and <c>--catalog</c>.</summary>
internal static class CatalogCommand
{
    internal static Command Build(CliContext context)
    {
        var catalog = new Command("catalog", "The sourced catalog of accelerators, instances and dated offers: list, rank, import or audit.");
        catalog.Options.Add(Commands.AsOf);
        catalog.Options.Add(Commands.CatalogFile);
        catalog.Subcommands.Add(CatalogListCommand.Build(context));
        catalog.Subcommands.Add(CatalogRankCommand.Build(context));
        catalog.Subcommands.Add(CatalogImportCommand.Build(context));
        catalog.Subcommands.Add(CatalogAuditCommand.Build(context));
        return catalog;
    }
}
