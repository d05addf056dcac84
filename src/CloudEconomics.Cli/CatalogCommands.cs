using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

internal static partial class Commands
{
    internal static readonly Option<string?> AsOf = new("--as-of")
    {
        Description = "Use the prices valid on this ISO date, such as 2025-06-01 (default: the scenario's price date for the report; the newest price date in the catalog, 2026-07-20 for the embedded one, for the other commands).",
        Recursive = true,
    };

    internal static readonly Option<FileInfo[]> CatalogFile = new("--catalog")
    {
        Description = "A catalog JSON file whose records override the embedded defaults record by record (CloudCatalog.MergeWith); repeat to merge several, later files last.",
        Recursive = true,
    };

    private static readonly Dictionary<string, CatalogMetric> MetricNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["instance-hour"] = CatalogMetric.PricePerInstanceHour,
        ["accelerator-hour"] = CatalogMetric.PricePerAcceleratorHour,
        ["pflop-hour"] = CatalogMetric.PricePerDensePetaflopHour,
        ["memory-gb-hour"] = CatalogMetric.PricePerMemoryGigabyteHour,
        ["bandwidth-hour"] = CatalogMetric.PricePerMemoryBandwidthHour,
    };

    private static readonly Dictionary<string, PurchaseOptionKind> OptionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["on-demand"] = PurchaseOptionKind.OnDemand,
        ["spot"] = PurchaseOptionKind.Spot,
        ["reserved"] = PurchaseOptionKind.Reserved,
        ["savings-plan"] = PurchaseOptionKind.SavingsPlan,
        ["committed-use"] = PurchaseOptionKind.CommittedUse,
        ["capacity-block"] = PurchaseOptionKind.CapacityBlock,
    };

    private static void AddCatalogCommands(RootCommand root, CliContext context)
    {
        var catalog = new Command("catalog", "The sourced catalog of accelerators, instances and dated offers: list, rank, import or audit.");
        catalog.Options.Add(AsOf);
        catalog.Options.Add(CatalogFile);
        catalog.Subcommands.Add(CatalogListCommand(context));
        catalog.Subcommands.Add(CatalogRankCommand(context));
        catalog.Subcommands.Add(CatalogImportCommand(context));
        catalog.Subcommands.Add(CatalogAuditCommand(context));
        root.Subcommands.Add(catalog);
    }

    /// <summary>The embedded catalog, merged with a user file when given, at the requested date.</summary>
    internal static CloudCatalog LoadCatalog(ParseResult parse)
    {
        var catalog = CloudCatalog.Default;
        catalog = MergeCatalogFiles(catalog, parse);
        var date = parse.GetValue(AsOf) is { } text ? ParseDate(text, "--as-of") : LatestOfferDate(catalog);
        return catalog.AsOf(date);
    }

    /// <summary>
    /// The newest date the catalog's prices speak for (the latest offer start or price as-of date): "today" for data
    /// that ends there, without reading a clock. For the embedded catalog this is the last AWS Pricing API snapshot.
    /// </summary>
    internal static LocalDate LatestOfferDate(CloudCatalog catalog) =>
        catalog.Offers.SelectMany(o => new[] { o.ValidFrom, o.Provenance.AsOf })
            .Where(d => d.HasValue).Select(d => d!.Value).DefaultIfEmpty(new LocalDate(2026, 1, 1)).Max();

    /// <summary>"vendor 2026-07-20", "estimate 2026-04-30": the confidence tier and the as-of text, short enough for a column.</summary>
    internal static string ShortProvenance(Provenance provenance)
    {
        var tier = provenance.Confidence switch
        {
            Confidence.Vendor => "vendor",
            Confidence.CuratedDataset => "curated",
            Confidence.Secondary => "secondary",
            Confidence.Estimate => "ESTIMATE",
            _ => "unsourced",
        };
        var asOf = provenance.AsOf is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "";
        return $"{tier} {asOf}".Trim();
    }

    private static Command CatalogListCommand(CliContext context)
    {
        var provider = new Option<string?>("--provider") { Description = "Only this provider id: aws, azure or gcp." };
        var command = new Command("list", "Instances with their accelerators and the offers valid on the date.") { provider };
        command.SetAction(parse =>
        {
            var catalog = LoadCatalog(parse);
            var instances = catalog.FindInstances(provider: parse.GetValue(provider));
            var rows = instances.Select(i => new
            {
                instance = i.Name,
                provider = i.Provider,
                accelerator = i.Accelerator?.Name ?? i.AcceleratorId,
                count = i.Accelerators,
                offers = catalog.OffersFor(i).Select(o => new
                {
                    option = o.Option.Kind.ToString(),
                    region = o.Region,
                    pricePerHour = o.Price,
                    confidence = o.Provenance.Confidence?.ToString(),
                    source = o.Provenance.Source,
                    asOf = o.Provenance.AsOf is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : null,
                }).ToList(),
            }).ToList();
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new { date = catalog.Date, instances = rows });
                return ExitCodes.Success;
            }
            var table = new Table().Title($"Catalog as of {(catalog.Date is { } date ? CloudEconomics.Serialization.IsoDateJsonConverter.Format(date) : "")}")
                .AddColumn("Instance").AddColumn("Provider").AddColumn("Accelerators").AddColumn("Offer").AddColumn(new TableColumn("USD/h").RightAligned()).AddColumn("Confidence, as of").AddColumn("Source");
            foreach (var r in rows)
            {
                var instanceCell = Markup.Escape(r.instance);
                var acceleratorCell = Markup.Escape($"{r.accelerator} x{r.count?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
                if (r.offers.Count == 0)
                {
                    table.AddRow(instanceCell, r.provider, acceleratorCell, "no offer on this date", "", "", "");
                    continue;
                }
                // Typed rows (this loop used `dynamic`, whose runtime binder cost ~50 ms of the command's start-up).
                foreach (var o in r.offers)
                {
                    table.AddRow(
                        instanceCell, r.provider, acceleratorCell,
                        Markup.Escape($"{o.option} {o.region}"),
                        o.pricePerHour.PerHour.Amount.ToString("#,0.####", CultureInfo.InvariantCulture),
                        Markup.Escape($"{o.confidence} {o.asOf}"),
                        Markup.Escape(ShortSource(o.source)));
                }
            }
            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A source short enough for a table column: the repository path's file and commit, or the URL's host and path, cut to 48 characters.</summary>
    internal static string ShortSource(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return "";
        }
        var text = source.StartsWith("github:", StringComparison.Ordinal) && source.LastIndexOf('@') is var at and > 0
            ? source[7..Math.Min(source.Length, at + 9)]
            : source.Replace("https://", "", StringComparison.Ordinal);
        return text.Length <= 48 ? text : text[..22] + "…" + text[^25..];
    }

    private static Command CatalogRankCommand(CliContext context)
    {
        var metric = new Option<string>("--metric")
        {
            Description = "What to rank by: " + string.Join(", ", MetricNames.Keys) + " (default pflop-hour).",
            DefaultValueFactory = _ => "pflop-hour",
        };
        var precision = new Option<NumericPrecision>("--precision") { Description = "Precision for pflop-hour (default Bf16).", DefaultValueFactory = _ => NumericPrecision.Bf16 };
        var option = new Option<string?>("--option") { Description = "Purchase option: " + string.Join(", ", OptionNames.Keys) + " or all (default on-demand)." };
        var provider = new Option<string?>("--provider") { Description = "Only this provider id: aws, azure or gcp." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write the ranking as an SVG bar chart to this file." };
        var command = new Command("rank", "Rank offers by a price-performance metric, cheapest first; unranked instances say why.") { metric, precision, option, provider, chart };
        command.SetAction(parse =>
        {
            var metricName = parse.GetValue(metric)!;
            if (!MetricNames.TryGetValue(metricName, out var m))
            {
                throw new UsageException($"--metric must be one of {string.Join(", ", MetricNames.Keys)}; it was '{metricName}'.");
            }
            PurchaseOptionKind? kind = PurchaseOptionKind.OnDemand;
            if (parse.GetValue(option) is { } optionName)
            {
                kind = optionName.Equals("all", StringComparison.OrdinalIgnoreCase) ? null
                    : OptionNames.TryGetValue(optionName, out var k) ? k
                    : throw new UsageException($"--option must be one of {string.Join(", ", OptionNames.Keys)} or all; it was '{optionName}'.");
            }
            var catalog = LoadCatalog(parse);
            var p = parse.GetValue(precision);
            var ranking = catalog.Rank(m, new RankingOptions { Precision = p, Option = kind, Provider = parse.GetValue(provider) });
            if (parse.GetValue(chart) is { } chartFile)
            {
                var bars = ranking.Ranked.Select(r => new BarItem($"{r.Instance.Name} ({r.Offer.Option.Kind})", r.Value.ToDouble())).ToList();
                if (bars.Count == 0)
                {
                    throw new InvalidDataException("Nothing to chart: no offer could be ranked with these filters.");
                }
                File.WriteAllText(chartFile.FullName, SvgCharts.BarChart(bars, new ChartOptions($"Offers ranked by price per {ranking.Unit}", $"USD per {ranking.Unit}", "") { Height = Math.Max(300, 60 + 34 * bars.Count) }));
            }
            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new
                {
                    date = catalog.Date,
                    metric = metricName,
                    unit = ranking.Unit,
                    ranked = ranking.Ranked.Select(r => new
                    {
                        rank = r.Rank,
                        instance = r.Instance.Name,
                        accelerator = r.Instance.Accelerator?.Name ?? r.Instance.AcceleratorId,
                        region = r.Offer.Region,
                        option = r.Offer.Option.Kind.ToString(),
                        pricePerHour = r.Offer.Price,
                        value = r.Value,
                        confidence = r.Offer.Provenance.Confidence?.ToString(),
                        source = r.Offer.Provenance.Source,
                        asOf = r.Offer.Provenance.AsOf is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : null,
                    }),
                    unranked = ranking.Unranked.Select(u => new { instance = u.Instance.Name, reason = u.Reason }),
                });
                return ExitCodes.Success;
            }
            var table = new Table().Title($"Price per {ranking.Unit}, as of {catalog.Date:uuuu-MM-dd}")
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Instance").AddColumn("Accelerators").AddColumn("Offer")
                .AddColumn(new TableColumn("USD/h").RightAligned()).AddColumn(new TableColumn($"USD per {ranking.Unit}").RightAligned()).AddColumn("Price source");
            foreach (var r in ranking.Ranked)
            {
                table.AddRow(
                    r.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Instance.Name),
                    Markup.Escape($"{r.Instance.Accelerator?.Name ?? r.Instance.AcceleratorId} x{CatalogMetrics.AcceleratorsPerBillingUnit(r.Offer, r.Instance)}"),
                    Markup.Escape($"{r.Offer.Option.Kind} {r.Offer.Region}"),
                    r.Offer.Price.PerHour.Amount.ToString("#,0.####", CultureInfo.InvariantCulture),
                    r.Value.Amount.ToString("#,0.00##", CultureInfo.InvariantCulture),
                    Markup.Escape(ShortProvenance(r.Offer.Provenance)));
            }
            context.Console.Write(table);
            foreach (var u in ranking.Unranked)
            {
                context.Out.WriteLine($"not ranked: {u.Instance.Name}: {u.Reason}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
