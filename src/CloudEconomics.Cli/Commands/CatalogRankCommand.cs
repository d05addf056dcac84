using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

/// <summary><c>catalog rank</c>: offers ranked by a price-performance metric, cheapest first; unranked instances say why.</summary>
internal sealed class CatalogRankCommand
{
    /// <summary>What the command was asked: the metric (by its command-line name), precision, purchase option (null = all), provider and chart file.</summary>
    internal sealed record Settings(string MetricName, CatalogMetric Metric, NumericPrecision Precision, PurchaseOptionKind? Option, string? Provider, FileInfo? Chart, bool Json);

    private static readonly Dictionary<string, CatalogMetric> MetricNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["instance-hour"] = CatalogMetric.PricePerInstanceHour,
        ["accelerator-hour"] = CatalogMetric.PricePerAcceleratorHour,
        ["pflop-hour"] = CatalogMetric.PricePerDensePetaflopHour,
        ["memory-gb-hour"] = CatalogMetric.PricePerMemoryGigabyteHour,
        ["bandwidth-hour"] = CatalogMetric.PricePerMemoryBandwidthHour,
    };

    private readonly Option<string> metric = new("--metric")
    {
        Description = "What to rank by: " + string.Join(", ", MetricNames.Keys) + " (default pflop-hour).",
        DefaultValueFactory = _ => "pflop-hour",
    };
    private readonly Option<NumericPrecision> precision = new("--precision") { Description = "Precision for pflop-hour (default Bf16).", DefaultValueFactory = _ => NumericPrecision.Bf16 };
    private readonly Option<string?> option = new("--option") { Description = "Purchase option: " + string.Join(", ", Commands.OptionNames.Keys) + " or all (default on-demand)." };
    private readonly Option<string?> provider = new("--provider") { Description = "Only this provider id: aws, azure or gcp." };
    private readonly Option<FileInfo?> chart = new("--chart") { Description = "Write the ranking as an SVG bar chart to this file." };

    internal static Command Build(CliContext context) => new CatalogRankCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("rank", "Rank offers by a price-performance metric, cheapest first; unranked instances say why.") { metric, precision, option, provider, chart };
        command.SetAction(parse =>
        {
            var settings = Parse(parse);
            return Execute(context, Commands.LoadCatalog(parse), settings);
        });
        return command;
    }

    private Settings Parse(ParseResult parse)
    {
        var metricName = parse.GetValue(metric)!;
        if (!MetricNames.TryGetValue(metricName, out var m))
        {
            throw new UsageException($"--metric must be one of {string.Join(", ", MetricNames.Keys)}; it was '{metricName}'.");
        }
        PurchaseOptionKind? kind = PurchaseOptionKind.OnDemand;
        if (parse.GetValue(option) is { } optionName)
        {
            kind = optionName.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : Commands.PurchaseOption(optionName, "--option", allowAll: true);
        }
        return new Settings(metricName, m, parse.GetValue(precision), kind, parse.GetValue(provider), parse.GetValue(chart), Commands.IsJson(parse));
    }

    internal static CatalogRankResult Run(CloudCatalog catalog, Settings settings, out CatalogRanking ranking)
    {
        ranking = catalog.Rank(settings.Metric, new RankingOptions { Precision = settings.Precision, Option = settings.Option, Provider = settings.Provider });
        return new CatalogRankResult(catalog.Date, settings.MetricName, ranking.Unit,
            ranking.Ranked.Select(r => new CatalogRankRow(
                r.Rank, r.Instance.Name, r.Instance.Accelerator?.Name ?? r.Instance.AcceleratorId, r.Offer.Region, r.Offer.Option.Kind.ToString(),
                r.Offer.Price, r.Value, r.Offer.Provenance.Confidence?.ToString(), r.Offer.Provenance.Source, Commands.IsoDate(r.Offer.Provenance.AsOf))).ToList(),
            ranking.Unranked.Select(u => new CatalogUnranked(u.Instance.Name, u.Reason)).ToList());
    }

    private static int Execute(CliContext context, CloudCatalog catalog, Settings settings)
    {
        var result = Run(catalog, settings, out var ranking);
        if (settings.Chart is { } chartFile)
        {
            var bars = ranking.Ranked.Select(r => new BarItem($"{r.Instance.Name} ({OptionLabel(r.Offer.Option)})", r.Value.ToDouble())).ToList();
            if (bars.Count == 0)
            {
                throw new InvalidDataException("Nothing to chart: no offer could be ranked with these filters.");
            }
            File.WriteAllText(chartFile.FullName, SvgCharts.BarChart(bars, new ChartOptions($"Offers ranked by price per {ranking.Unit}", $"USD per {ranking.Unit}", "") { Height = Math.Max(300, 60 + 34 * bars.Count) }));
        }
        if (settings.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Success;
        }
        var table = new Table().Title($"Price per {ranking.Unit}, as of {CloudEconomics.Serialization.IsoDate.Format(catalog.Date)}")
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Instance").AddColumn("Accelerators").AddColumn("Offer")
            .AddColumn(new TableColumn("USD/h").RightAligned()).AddColumn(new TableColumn($"USD per {ranking.Unit}").RightAligned()).AddColumn("Price source");
        foreach (var r in ranking.Ranked)
        {
            table.AddRow(
                r.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Instance.Name),
                Markup.Escape($"{r.Instance.Accelerator?.Name ?? r.Instance.AcceleratorId} x{CatalogMetrics.AcceleratorsPerBillingUnit(r.Offer, r.Instance)}"),
                Markup.Escape($"{OptionLabel(r.Offer.Option)} {r.Offer.Region}"),
                r.Offer.Price.PerHour.Amount.ToString("#,0.####", CultureInfo.InvariantCulture),
                r.Value.Amount.ToString("#,0.00##", CultureInfo.InvariantCulture),
                Markup.Escape(Commands.ShortProvenance(r.Offer.Provenance)));
        }
        context.Console.Write(table);
        foreach (var u in ranking.Unranked)
        {
            context.Out.WriteLine($"not ranked: {u.Instance.Name}: {u.Reason}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The option's kind with its term and payment when it has them ("Reserved 3y", "SavingsPlan 1y no upfront"), so that a table tells a ranking's 1- and 3-year rows apart.</summary>
    internal static string OptionLabel(PurchaseOption option)
    {
        var label = option.Kind.ToString();
        if (option.TermMonths is { } months)
        {
            label += " " + (months % 12 == 0 ? (months / 12).ToString(CultureInfo.InvariantCulture) + "y" : months.ToString(CultureInfo.InvariantCulture) + "mo");
        }
        if (option.Payment is { } payment)
        {
            label += payment switch { PaymentOption.NoUpfront => " no upfront", PaymentOption.PartialUpfront => " partial upfront", _ => " all upfront" };
        }
        return label;
    }
}

/// <summary>The JSON contract of <c>catalog rank --format json</c>.</summary>
/// <param name="Date">The ISO date the offers are valid on.</param>
/// <param name="Metric">The metric as given: <c>instance-hour</c>, <c>accelerator-hour</c>, <c>pflop-hour</c>, <c>memory-gb-hour</c>, <c>bandwidth-hour</c>.</param>
/// <param name="Unit">What one unit of <see cref="CatalogRankRow.Value"/> buys, such as <c>dense BF16 PFLOP/s-h</c>.</param>
/// <param name="Ranked">The ranked offers, cheapest first.</param>
/// <param name="Unranked">Instances that could not be ranked, with the reason.</param>
internal sealed record CatalogRankResult(LocalDate? Date, string Metric, string Unit, IReadOnlyList<CatalogRankRow> Ranked, IReadOnlyList<CatalogUnranked> Unranked);

/// <summary>One ranked offer of <see cref="CatalogRankResult"/>.</summary>
/// <param name="Rank">1 for the cheapest; ties share a rank.</param>
/// <param name="Instance">The instance type's name.</param>
/// <param name="Accelerator">The accelerator's name.</param>
/// <param name="Region">The region id.</param>
/// <param name="Option">The purchase option kind (<c>OnDemand</c>, ...).</param>
/// <param name="PricePerHour">The price of one billing unit-hour (<c>{"amount", "currency", "per": "h"}</c>).</param>
/// <param name="Value">The price per metric unit (Money: <c>{"amount", "currency"}</c>).</param>
/// <param name="Confidence">The price's confidence tier (<c>Vendor</c>, <c>CuratedDataset</c>, <c>Secondary</c>, <c>Estimate</c>); null when unsourced.</param>
/// <param name="Source">Where the price comes from.</param>
/// <param name="AsOf">The price's as-of date, verbatim.</param>
internal sealed record CatalogRankRow(int Rank, string Instance, string Accelerator, string Region, string Option, PricePerHour PricePerHour, Money Value, string? Confidence, string? Source, string? AsOf);

/// <summary>An instance <c>catalog rank</c> could not rank.</summary>
/// <param name="Instance">The instance type's name.</param>
/// <param name="Reason">Why, in words.</param>
internal sealed record CatalogUnranked(string Instance, string Reason);
