using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

internal static partial class Commands
{
    private static Command CatalogAuditCommand(CliContext context)
    {
        var staleDays = new Option<int>("--stale-after")
        {
            Description = "A figure older than this many days on the audit date is stale (default 365).",
            DefaultValueFactory = _ => 365,
        };
        var all = new Option<bool>("--all") { Description = "List every flagged figure (default: prices, then the first 40 spec figures)." };
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
            var catalog = CloudCatalog.Default;
            catalog = MergeCatalogFiles(catalog, parse);
            var date = parse.GetValue(AsOf) is { } text ? ParseDate(text, "--as-of") : LatestOfferDate(catalog);
            var audit = CatalogAudit.Run(catalog, date, days);
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new { date, staleAfterDays = days, summary = audit.Summary, findings = audit.Findings });
                return ExitCodes.Success;
            }
            var shown = parse.GetValue(all) ? audit.Findings : audit.Findings.Where(f => f.Kind == "price").Concat(audit.Findings.Where(f => f.Kind != "price").Take(40)).ToList();
            var table = new Table().Title($"Catalog audit as of {date:uuuu-MM-dd}: figures to refresh (stale after {days} days)")
                .AddColumn("Record").AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Confidence").AddColumn("As of").AddColumn(new TableColumn("Age (d)").RightAligned()).AddColumn("Why");
            foreach (var f in shown)
            {
                table.AddRow(Markup.Escape(f.Record), Markup.Escape(f.Figure), Markup.Escape(f.Value), Markup.Escape(f.Confidence), Markup.Escape(f.AsOf ?? "undated"),
                    f.AgeDays?.ToString(CultureInfo.InvariantCulture) ?? "?", Markup.Escape(string.Join(", ", f.Flags)));
            }
            context.Console.Write(table);
            var more = shown.Count < audit.Findings.Count ? string.Create(CultureInfo.InvariantCulture, $" ({audit.Findings.Count - shown.Count} more with --all).") : ".";
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{audit.Summary.Flagged} of {audit.Summary.Figures} known figures flagged: {audit.Summary.Stale} stale, {audit.Summary.Secondary} secondary, {audit.Summary.Estimated} estimated, {audit.Summary.Undated} undated{more}"));
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>A figure the audit flags.</summary>
internal sealed record AuditFinding(string Kind, string Record, string Figure, string Value, string Confidence, string? AsOf, int? AgeDays, IReadOnlyList<string> Flags, string? Source);

/// <summary>Counts of the audit.</summary>
internal sealed record AuditSummary(int Figures, int Flagged, int Stale, int Secondary, int Estimated, int Undated);

/// <summary>The audit of a catalog: every known figure whose evidence is old, second-hand, an estimate or undated.</summary>
internal sealed record CatalogAudit(IReadOnlyList<AuditFinding> Findings, AuditSummary Summary)
{
    internal static CatalogAudit Run(CloudCatalog catalog, LocalDate date, int staleDays)
    {
        var figures = new List<(string Kind, string Record, string Figure, string Value, Provenance Provenance)>();
        foreach (var offer in catalog.Offers.Where(o => o.ValidTo is null || o.ValidTo.Value >= date))
        {
            figures.Add(("price", offer.Id, offer.Option.ToString(), offer.Price.PerHour.Amount.ToString("0.####", CultureInfo.InvariantCulture) + " " + offer.Currency.Code + "/h", offer.Provenance));
        }
        foreach (var instance in catalog.Instances)
        {
            Add(figures, "instance", instance.Id, "acceleratorCount", instance.AcceleratorCount.Value, instance.AcceleratorCount.Provenance);
            Add(figures, "instance", instance.Id, "vcpus", instance.Vcpus.Value, instance.Vcpus.Provenance);
            Add(figures, "instance", instance.Id, "memory", instance.Memory.Value, instance.Memory.Provenance);
            Add(figures, "instance", instance.Id, "networkBandwidth", instance.NetworkBandwidth.Value, instance.NetworkBandwidth.Provenance);
        }
        foreach (var accelerator in catalog.Accelerators)
        {
            Add(figures, "accelerator", accelerator.Id, "memoryCapacity", accelerator.MemoryCapacityFigure.Value, accelerator.MemoryCapacityFigure.Provenance);
            Add(figures, "accelerator", accelerator.Id, "memoryBandwidth", accelerator.MemoryBandwidthFigure.Value, accelerator.MemoryBandwidthFigure.Provenance);
            Add(figures, "accelerator", accelerator.Id, "thermalDesignPower", accelerator.ThermalDesignPowerFigure.Value, accelerator.ThermalDesignPowerFigure.Provenance);
            Add(figures, "accelerator", accelerator.Id, "scaleUpDomain", accelerator.ScaleUpDomain.Value, accelerator.ScaleUpDomain.Provenance);
            Add(figures, "accelerator", accelerator.Id, "scaleUpBandwidth", accelerator.ScaleUpBandwidth.Value, accelerator.ScaleUpBandwidth.Provenance);
            foreach (var (precision, figure) in accelerator.PeakDenseCompute)
            {
                Add(figures, "accelerator", accelerator.Id, "peakDense." + precision.ToString().ToLowerInvariant(), figure.Value, figure.Provenance);
            }
        }
        var findings = new List<AuditFinding>();
        int stale = 0, secondary = 0, estimated = 0, undated = 0;
        foreach (var (kind, record, name, value, provenance) in figures)
        {
            var flags = new List<string>();
            var asOf = provenance.AsOf;
            int? age = asOf is { } d ? Period.Between(d, date, PeriodUnits.Days).Days : null;
            if (age is { } a && a > staleDays)
            {
                flags.Add($"stale ({a} days old)");
                stale++;
            }
            if (asOf is null)
            {
                flags.Add("undated");
                undated++;
            }
            if (provenance.Confidence == Confidence.Secondary)
            {
                flags.Add("secondary source");
                secondary++;
            }
            if (provenance.Confidence == Confidence.Estimate)
            {
                flags.Add("estimate");
                estimated++;
            }
            if (flags.Count > 0)
            {
                findings.Add(new AuditFinding(kind, record, name, value, ShortProvenance(provenance).Split(' ')[0], asOf is { } dated ? dated.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : null, age, flags, provenance.Source));
            }
        }
        var ordered = findings.OrderBy(f => f.Kind == "price" ? 0 : 1).ThenByDescending(f => f.AgeDays ?? int.MaxValue).ThenBy(f => f.Record, StringComparer.Ordinal).ToList();
        return new CatalogAudit(ordered, new AuditSummary(figures.Count, findings.Count, stale, secondary, estimated, undated));
    }

    private static void Add<T>(List<(string, string, string, string, Provenance)> figures, string kind, string record, string name, T? value, Provenance provenance) where T : struct
    {
        if (value is { } v)
        {
            figures.Add((kind, record, name, v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v.ToString() ?? "", provenance));
        }
    }

    private static string ShortProvenance(Provenance provenance) => Commands.ShortProvenance(provenance);
}
