using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

/// <summary><c>catalog audit</c>: the library's <see cref="CatalogAudit"/> of stale, secondary, estimated and undated figures, rendered.</summary>
internal sealed class CatalogAuditCommand
{
    /// <summary>What the command was asked: the stale limit in days and whether to list every finding.</summary>
    internal sealed record Settings(int StaleAfterDays, bool All, bool Json);

    private readonly Option<int> staleDays = new("--stale-after")
    {
        Description = "A figure older than this many days on the audit date is stale (default 365).",
        DefaultValueFactory = _ => 365,
    };
    private readonly Option<bool> all = new("--all") { Description = "List every flagged figure (default: prices, then the first 40 spec figures)." };

    internal static Command Build(CliContext context) => new CatalogAuditCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("audit", "List stale, secondary, estimated and undated figures with their age, so that you see what to refresh.") { staleDays, all };
        command.WithExamples("""
            Examples:
              cloudecon catalog audit
              cloudecon catalog audit --stale-after 180 --format json
            """);
        command.SetAction(parse =>
        {
            var days = parse.GetValue(staleDays);
            if (days <= 0)
            {
                throw new UsageException($"--stale-after must be a positive number of days; it was {days}.");
            }
            var catalog = Commands.LoadFullCatalog(parse);
            return Execute(context, catalog, Commands.PriceDate(parse, catalog), new Settings(days, parse.GetValue(all), Commands.IsJson(parse)));
        });
        return command;
    }

    private static int Execute(CliContext context, CloudCatalog catalog, LocalDate date, Settings settings)
    {
        var audit = CatalogAudit.Run(catalog, date, settings.StaleAfterDays);
        if (settings.Json)
        {
            context.WriteJson(audit);
            return ExitCodes.Success;
        }
        var shown = settings.All ? audit.Findings
            : audit.Findings.Where(f => f.Kind == CatalogRecordKind.Price).Concat(audit.Findings.Where(f => f.Kind != CatalogRecordKind.Price).Take(40)).ToList();
        var table = new Table().Title($"Catalog audit as of {CloudEconomics.Serialization.IsoDate.Format(date)}: figures to refresh (stale after {settings.StaleAfterDays} days)")
            .AddColumn("Record").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Confidence").AddColumn("As of").AddColumn(new TableColumn("Age (d)").RightAligned()).AddColumn("Why");
        foreach (var f in shown)
        {
            table.AddRow(Markup.Escape(f.Record), Markup.Escape(f.Figure), Markup.Escape(f.Value), Markup.Escape(Commands.Tier(f.Confidence)), Markup.Escape(Commands.IsoDate(f.AsOf) ?? "undated"),
                f.AgeDays?.ToString(CultureInfo.InvariantCulture) ?? "?", Markup.Escape(string.Join(", ", f.Flags)));
        }
        context.Console.Write(table);
        var more = shown.Count < audit.Findings.Count ? string.Create(CultureInfo.InvariantCulture, $" ({audit.Findings.Count - shown.Count} more with --all).") : ".";
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{audit.Summary.Flagged} of {audit.Summary.Figures} known figures flagged: {audit.Summary.Stale} stale, {audit.Summary.Secondary} secondary, {audit.Summary.Estimated} estimated, {audit.Summary.Undated} undated{more}"));
        return ExitCodes.Success;
    }
}
