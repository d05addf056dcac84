using System.CommandLine;
using System.Globalization;
using CloudEconomics.Catalog;
using NodaTime;
using Spectre.Console;

namespace CloudEconomics.Cli;

/// <summary><c>catalog list</c>: instances with their accelerators and the offers valid on the date.</summary>
internal sealed class CatalogListCommand
{
    /// <summary>What the command was asked: an optional provider filter.</summary>
    internal sealed record Settings(string? Provider, bool Json);

    private readonly Option<string?> provider = new("--provider") { Description = "Only this provider id: aws, azure or gcp." };

    internal static Command Build(CliContext context) => new CatalogListCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("list", "Instances with their accelerators and the offers valid on the date.") { provider };
        command.SetAction(parse => Execute(context, Commands.LoadCatalog(parse), new Settings(parse.GetValue(provider), Commands.IsJson(parse))));
        return command;
    }

    /// <summary>The catalog (already at its date) as the result record.</summary>
    internal static CatalogListResult Run(CloudCatalog catalog, Settings settings) => new(catalog.Date,
        catalog.FindInstances(provider: settings.Provider).Select(i => new CatalogListInstance(
            i.Name, i.Provider, i.Accelerator?.Name ?? i.AcceleratorId, i.Accelerators,
            catalog.OffersFor(i).Select(o => new CatalogListOffer(
                o.Option.Kind.ToString(), o.Region, o.Price, o.Provenance.Confidence?.ToString(), o.Provenance.Source, Commands.IsoDate(o.Provenance.AsOf))).ToList())).ToList());

    private static int Execute(CliContext context, CloudCatalog catalog, Settings settings)
    {
        var result = Run(catalog, settings);
        if (settings.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Success;
        }
        var table = new Table().Title($"Catalog as of {(result.Date is { } date ? CloudEconomics.Serialization.IsoDate.Format(date) : "")}")
            .AddColumn("Instance").AddColumn("Provider").AddColumn("Accelerators").AddColumn("Offer").AddColumn(new TableColumn("USD/h").RightAligned()).AddColumn("Confidence, as of").AddColumn("Source");
        foreach (var r in result.Instances)
        {
            var instanceCell = Markup.Escape(r.Instance);
            var acceleratorCell = Markup.Escape($"{r.Accelerator} x{r.Count?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
            if (r.Offers.Count == 0)
            {
                table.AddRow(instanceCell, r.Provider, acceleratorCell, "no offer on this date", "", "", "");
                continue;
            }
            foreach (var o in r.Offers)
            {
                table.AddRow(
                    instanceCell, r.Provider, acceleratorCell,
                    Markup.Escape($"{o.Option} {o.Region}"),
                    o.PricePerHour.PerHour.Amount.ToString("#,0.####", CultureInfo.InvariantCulture),
                    Markup.Escape($"{o.Confidence} {o.AsOf}"),
                    Markup.Escape(Commands.ShortSource(o.Source)));
            }
        }
        context.Console.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary>The JSON contract of <c>catalog list --format json</c>.</summary>
/// <param name="Date">The ISO date the offers are valid on.</param>
/// <param name="Instances">Every instance type (of the provider, with <c>--provider</c>), in catalog order.</param>
internal sealed record CatalogListResult(LocalDate? Date, IReadOnlyList<CatalogListInstance> Instances);

/// <summary>One instance type of <see cref="CatalogListResult"/>.</summary>
/// <param name="Instance">The instance type's name, such as <c>p5.48xlarge</c>.</param>
/// <param name="Provider">The provider id (<c>aws</c>, <c>azure</c>, <c>gcp</c>, ...).</param>
/// <param name="Accelerator">The accelerator's name (its id when the catalog has no record of it).</param>
/// <param name="Count">Accelerators per instance; null when unknown.</param>
/// <param name="Offers">The offers valid on the date; empty when none.</param>
internal sealed record CatalogListInstance(string Instance, string Provider, string Accelerator, int? Count, IReadOnlyList<CatalogListOffer> Offers);

/// <summary>One offer of <see cref="CatalogListInstance"/>.</summary>
/// <param name="Option">The purchase option kind: <c>OnDemand</c>, <c>Spot</c>, <c>Reserved</c>, <c>SavingsPlan</c>, <c>CommittedUse</c>, <c>CapacityBlock</c>.</param>
/// <param name="Region">The region id.</param>
/// <param name="PricePerHour">The price of one instance-hour (<c>{"amount", "currency", "per": "h"}</c>).</param>
/// <param name="Confidence">The confidence tier of the price: <c>Vendor</c>, <c>CuratedDataset</c>, <c>Secondary</c>, <c>Estimate</c>; null when unsourced.</param>
/// <param name="Source">Where the price comes from (URL or repository path at a commit).</param>
/// <param name="AsOf">The price's as-of date, verbatim as the source gives it.</param>
internal sealed record CatalogListOffer(string Option, string Region, PricePerHour PricePerHour, string? Confidence, string? Source, string? AsOf);
