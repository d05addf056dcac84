using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using CloudEconomics.Finance;
using CloudEconomics.Ownership;
using CloudEconomics.Power;
using NodaTime;
using Spectre.Console;
using CloudEconomics.Reports;
using static System.FormattableString;

namespace CloudEconomics.Cli;

/// <summary>
/// <c>tco</c>: the total cost of ownership of an owned cluster, build vs rent, and the returns of renting it out. Every
/// default comes from the library: the cluster's from <see cref="OwnedCluster"/> and <see cref="StandardModels"/>, the
/// utilisation from the seed report's workload, TDP, PUE and electricity from the reference data, the date from the catalog.
/// </summary>
internal sealed class TcoCommand
{
    /// <summary>What the command was asked: the cluster (built from the options or read from --file) with every input and its source, and the comparison.</summary>
    internal sealed record Settings(OwnedCluster Cluster, IReadOnlyList<TcoInput> Inputs, LocalDate Date, string Rent, PurchaseOptionKind RentKind, string RentOptionText, decimal? RentalPrice, FileInfo? Chart, bool Json);

    private readonly Option<FileInfo?> file = new("--file") { Description = "An OwnedCluster JSON file (camelCase, as CloudEconomicsJson writes it); replaces every cluster option below." };
    private readonly Option<int> accelerators = new("--accelerators") { Description = Invariant($"ASSUMPTION: accelerators in the cluster (default {OwnedCluster.DefaultAcceleratorCount:#,0})."), DefaultValueFactory = _ => OwnedCluster.DefaultAcceleratorCount };
    private readonly Option<int> perServer = new("--per-server") { Description = Invariant($"Accelerators per server (default {OwnedCluster.DefaultAcceleratorsPerServer}, an HGX board)."), DefaultValueFactory = _ => OwnedCluster.DefaultAcceleratorsPerServer };
    private readonly Option<double?> tdp = new("--tdp") { Description = "Accelerator draw at full load, W (default: the catalog's H100 SXM TDP)." };
    private readonly Option<double> idle = new("--idle") { Description = Invariant($"ASSUMPTION: accelerator idle draw, W (default {StandardModels.AssumedIdleWatts:0.##})."), DefaultValueFactory = _ => StandardModels.AssumedIdleWatts };
    private readonly Option<double> overhead = new("--server-overhead") { Description = Invariant($"ASSUMPTION: server draw as a multiple of its accelerators' draw (default {OwnedCluster.DefaultServerOverheadFactor:0.0} = accelerators only)."), DefaultValueFactory = _ => OwnedCluster.DefaultServerOverheadFactor };
    private readonly Option<decimal> serverCapex = new("--server-capex") { Description = Invariant($"ASSUMPTION: purchase price of one server with its accelerators, USD (default {StandardModels.AssumedServerCapexUsd:#,0}; purchase prices are not in the reference data)."), DefaultValueFactory = _ => (decimal)StandardModels.AssumedServerCapexUsd };
    private readonly Option<double> networking = new("--networking-share") { Description = Invariant($"ASSUMPTION: networking capex as a share of server capex (default {OwnedCluster.DefaultNetworkingShareOfServerCapex:0.00})."), DefaultValueFactory = _ => OwnedCluster.DefaultNetworkingShareOfServerCapex };
    private readonly Option<decimal> facilityCapex = new("--facility-capex-per-mw") { Description = Invariant($"ASSUMPTION: datacenter shell and power capex per MW of IT capacity, USD (default {OwnedCluster.DefaultFacilityCapexPerMegawatt.Amount:#,0}; 0 when colocated)."), DefaultValueFactory = _ => OwnedCluster.DefaultFacilityCapexPerMegawatt.Amount };
    private readonly Option<int> life = new("--life") { Description = Invariant($"ASSUMPTION: useful life of servers and networking, years (default {OwnedCluster.DefaultUsefulLifeYears})."), DefaultValueFactory = _ => OwnedCluster.DefaultUsefulLifeYears };
    private readonly Option<double> salvage = new("--salvage") { Description = Invariant($"ASSUMPTION: IT salvage value at end of life as a share of IT capex (default {OwnedCluster.DefaultSalvageFraction:0.##})."), DefaultValueFactory = _ => OwnedCluster.DefaultSalvageFraction };
    private readonly Option<double> costOfCapital = new("--cost-of-capital") { Description = Invariant($"ASSUMPTION: annual cost of capital (default {OwnedCluster.DefaultCostOfCapital:0.00##})."), DefaultValueFactory = _ => OwnedCluster.DefaultCostOfCapital };
    private readonly Option<double> maintenance = new("--maintenance") { Description = Invariant($"ASSUMPTION: annual maintenance as a share of capex (default {StandardModels.AssumedMaintenanceRate:0.00##})."), DefaultValueFactory = _ => StandardModels.AssumedMaintenanceRate };
    private readonly Option<decimal> staff = new("--staff") { Description = Invariant($"ASSUMPTION: staff cost per year, USD (default {OwnedCluster.DefaultStaffCostPerYear.Amount:#,0})."), DefaultValueFactory = _ => OwnedCluster.DefaultStaffCostPerYear.Amount };
    private readonly Option<decimal> space = new("--space") { Description = Invariant($"ASSUMPTION: space cost per year (rent, colocation, property tax), USD (default {OwnedCluster.DefaultSpaceCostPerYear.Amount:#,0})."), DefaultValueFactory = _ => OwnedCluster.DefaultSpaceCostPerYear.Amount };
    private readonly Option<double?> pue = new("--pue") { Description = $"PUE (default: reference data '{StandardModels.PueRecordId}', the Uptime Institute industry average)." };
    private readonly Option<decimal?> electricity = new("--electricity") { Description = $"Electricity price, USD/kWh (default: reference data '{StandardModels.ElectricityRecordId}', US industrial average)." };
    private readonly Option<double> utilization = new("--utilization") { Description = Invariant($"ASSUMPTION: share of accelerator-hours used or sold (default {SeedReportOptions.DefaultWorkload.Utilization:0.##}, as the seed report's workload)."), DefaultValueFactory = _ => SeedReportOptions.DefaultWorkload.Utilization };
    private readonly Option<string?> start = new("--start") { Description = "Commissioning date (default: the catalog's price date)." };
    private readonly Option<int?> horizon = new("--horizon") { Description = "Analysis horizon in years (default: the useful life)." };
    private readonly Option<string> rent = new("--rent") { Description = $"The catalog instance to compare with (default {StandardModels.GpuInstanceName}).", DefaultValueFactory = _ => StandardModels.GpuInstanceName };
    private readonly Option<string> rentOption = new("--rent-option") { Description = "Purchase option of the compared offer (default on-demand).", DefaultValueFactory = _ => "on-demand" };
    private readonly Option<decimal?> rentalPrice = new("--rental-price") { Description = "Price per accelerator-hour at which the cluster rents out its used hours, USD (default: the compared offer's price per accelerator-hour)." };
    private readonly Option<FileInfo?> chart = new("--chart") { Description = "Write the TCO components as an SVG stacked bar chart to this file." };

    internal static Command Build(CliContext context) => new TcoCommand().Create(context);

    private Command Create(CliContext context)
    {
        var command = new Command("tco", "Owned-cluster TCO per accelerator-hour by component, breakeven rental price, build vs rent, payback and IRR of renting out.")
        {
            file, accelerators, perServer, tdp, idle, overhead, serverCapex, networking, facilityCapex, life, salvage, costOfCapital, maintenance,
            staff, space, pue, electricity, utilization, start, horizon, rent, rentOption, rentalPrice, chart,
        };
        command.WithExamples("""
            The total cost of ownership of an owned accelerator cluster per accelerator-hour, by component (they sum to the
            total), the breakeven rental price, build vs rent against a catalog offer, and the payback and IRR of renting
            the cluster out. Every default that is not data is labelled ASSUMPTION in the output; PUE and electricity come
            from the power reference data with their sources.

            Examples:
              cloudecon tco
              cloudecon tco --accelerators 4096 --server-capex 300000 --electricity 0.05 --utilization 0.8
              cloudecon tco --rent p5en.48xlarge --rental-price 3.5 --format json
              cloudecon tco --file cluster.json --chart tco.svg
            """);
        command.SetAction(parse =>
        {
            var catalog = Commands.LoadCatalog(parse);
            return Execute(context, catalog, Parse(parse, catalog));
        });
        return command;
    }

    private Settings Parse(ParseResult parse, CloudCatalog catalog)
    {
        // The catalog is at its price date (--as-of or CloudCatalog.LatestPriceDate).
        var date = catalog.Date!.Value;
        var inputs = new List<TcoInput>();
        OwnedCluster cluster;
        if (parse.GetValue(file) is { } f)
        {
            cluster = LoadCluster(f);
            inputs.Add(new TcoInput("cluster", cluster.ToString(), "", f.Name));
        }
        else
        {
            var reference = PowerReferenceData.Default;
            var h100 = catalog.FindAccelerator(StandardModels.H100AcceleratorId);
            // Each value: the option when given, otherwise the reference data with its source.
            var (watts, tdpSource) = Given(parse.GetValue(tdp), "--tdp", () =>
            {
                var figure = h100?.ThermalDesignPowerFigure ?? throw new InvalidDataException($"The catalog has no accelerator '{StandardModels.H100AcceleratorId}' for the default TDP; give --tdp.");
                var watts = figure.Value is { } p ? (double)p.Watts : throw new InvalidDataException($"The catalog has no TDP for '{StandardModels.H100AcceleratorId}'; give --tdp.");
                return (watts, $"catalog {h100!.Name}: {figure.Provenance.Source}");
            });
            var (pueValue, pueSource) = Given(parse.GetValue(pue), "--pue", () =>
            {
                var record = reference.PueById(StandardModels.PueRecordId);
                return ((double)record.Pue.Value!.Value, $"{record.Name} ({record.Pue.Provenance.Source})");
            });
            var (kwh, kwhSource) = Given(parse.GetValue(electricity), "--electricity", () =>
            {
                var record = reference.ElectricityPriceById(StandardModels.ElectricityRecordId);
                return (record.UsdPerKilowattHour.Value!.Value, $"{record.Name} ({record.UsdPerKilowattHour.Provenance.Source})");
            });
            int count = parse.GetValue(accelerators);
            double overheadFactor = parse.GetValue(overhead);
            var commissioning = parse.GetValue(start) is { } s ? Commands.ParseDate(s, "--start") : date;
            if (count <= 0 || !(watts > 0) || !double.IsFinite(watts))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"--accelerators and --tdp must be greater than zero; they were {count} and {watts:R}."));
            }
            var fleet = new AcceleratorFleet
            {
                Name = h100?.Name ?? "accelerator",
                Count = count,
                MaxPower = UnitsNet.Power.FromWatts(watts),
                IdlePower = UnitsNet.Power.FromWatts(parse.GetValue(idle)),
                ServerOverheadFactor = overheadFactor,
            };
            cluster = new OwnedCluster
            {
                Name = "owned cluster",
                Facility = new Facility
                {
                    Name = "owned facility",
                    // IT capacity sized to the fleet's full-load draw (the library's power curve at utilisation 1).
                    ItCapacity = fleet.ItPower(1d),
                    Pue = pueValue,
                    Accelerators = fleet,
                    Utilization = parse.GetValue(utilization),
                },
                CommissioningDate = commissioning,
                AcceleratorsPerServer = parse.GetValue(perServer),
                ServerPrice = Money.Usd(parse.GetValue(serverCapex)),
                NetworkingShareOfServerCapex = parse.GetValue(networking),
                FacilityCapexPerMegawatt = Money.Usd(parse.GetValue(facilityCapex)),
                UsefulLifeYears = parse.GetValue(life),
                SalvageFraction = parse.GetValue(salvage),
                Financing = new ClusterFinancing { CostOfCapital = parse.GetValue(costOfCapital) },
                EnergyPrice = PricePerEnergy.FromPerKilowattHour(Money.Usd(kwh)),
                MaintenanceRate = parse.GetValue(maintenance),
                StaffCostPerYear = Money.Usd(parse.GetValue(staff)),
                SpaceCostPerYear = Money.Usd(parse.GetValue(space)),
                HorizonYears = parse.GetValue(horizon),
            };
            string A(Option o) => parse.GetResult(o) is { Implicit: false } ? o.Name : "ASSUMPTION";
            inputs.AddRange(
            [
                new("accelerators", count.ToString("#,0", CultureInfo.InvariantCulture), "", A(accelerators)),
                new("accelerators per server", cluster.AcceleratorsPerServer.ToString(CultureInfo.InvariantCulture), "", A(perServer)),
                new("TDP", watts.ToString("0.##", CultureInfo.InvariantCulture), "W", tdpSource),
                new("idle draw", parse.GetValue(idle).ToString("0.##", CultureInfo.InvariantCulture), "W", A(idle)),
                new("server overhead", overheadFactor.ToString("0.##", CultureInfo.InvariantCulture), "x accelerator draw", A(overhead)),
                new("server capex", cluster.ServerPrice.Amount.ToString("#,0", CultureInfo.InvariantCulture), "USD/server", A(serverCapex)),
                new("networking", Commands.Percent(parse.GetValue(networking)), "of server capex", A(networking)),
                new("facility capex", parse.GetValue(facilityCapex).ToString("#,0", CultureInfo.InvariantCulture), "USD/MW IT", A(facilityCapex)),
                new("useful life", cluster.UsefulLifeYears.ToString(CultureInfo.InvariantCulture), "years", A(life)),
                new("salvage", Commands.Percent(cluster.SalvageFraction), "of IT capex", A(salvage)),
                new("cost of capital", Commands.Percent(cluster.Financing.CostOfCapital), "a year", A(costOfCapital)),
                new("maintenance", Commands.Percent(cluster.MaintenanceRate), "of capex a year", A(maintenance)),
                new("staff", parse.GetValue(staff).ToString("#,0", CultureInfo.InvariantCulture), "USD/year", A(staff)),
                new("space", parse.GetValue(space).ToString("#,0", CultureInfo.InvariantCulture), "USD/year", A(space)),
                new("PUE", pueValue.ToString("0.###", CultureInfo.InvariantCulture), "", pueSource),
                new("electricity", kwh.ToString("0.####", CultureInfo.InvariantCulture), "USD/kWh", kwhSource),
                new("utilisation", cluster.Facility.Utilization.ToString("0.###", CultureInfo.InvariantCulture), "of accelerator-hours", A(utilization)),
                new("commissioning", CloudEconomics.Serialization.IsoDate.Format(commissioning), "", parse.GetValue(start) is null ? "the catalog's price date" : "--start"),
                new("horizon", (cluster.HorizonMonths / 12).ToString(CultureInfo.InvariantCulture), "years", parse.GetValue(horizon) is null ? "the useful life" : "--horizon"),
            ]);
        }

        var rentOptionText = parse.GetValue(rentOption)!;
        return new Settings(cluster, inputs, date, parse.GetValue(rent)!, Commands.PurchaseOption(rentOptionText, "--rent-option"), rentOptionText,
            parse.GetValue(rentalPrice), parse.GetValue(chart), Commands.IsJson(parse));
    }

    /// <summary>The option's value and its name as the source when given, otherwise the default and its source.</summary>
    private static (T Value, string Source) Given<T>(T? value, string option, Func<(T, string)> otherwise) where T : struct
        => value is { } v ? (v, option) : otherwise();

    /// <summary>What <see cref="Run"/> computed: the result record and the library objects the table is drawn from.</summary>
    private sealed record Computation(TcoResult Result, ClusterTco Tco, InstanceType RentInstance, PriceOffer Offer, BuildVersusRent Versus, PricePerHour Rental, RentalReturns Returns);

    private static Computation Run(CloudCatalog catalog, Settings settings)
    {
        var cluster = settings.Cluster;
        var date = settings.Date;
        var tco = ClusterTco.Calculate(cluster);
        var breakeven = tco.BreakevenRentalPrice;

        // Build vs rent against a catalog offer.
        var rentInstance = catalog.FindInstance(settings.Rent) ?? throw new InvalidDataException($"Unknown instance '{settings.Rent}' for --rent: not in the catalog (see 'cloudecon catalog list').");
        // The cheapest region's offer (us-east-1 first on a tie: the curated AWS price history is kept there).
        var offer = catalog.OffersFor(rentInstance, settings.RentKind).Where(o => o.Currency == cluster.Currency && o.HourlyPrice.Value is not null)
                .OrderBy(o => o.Price.PerHour.Amount).ThenBy(o => o.Region == "us-east-1" ? 0 : 1).ThenBy(o => o.Region, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidDataException($"The catalog has no {settings.RentOptionText} {cluster.Currency.Code} offer for {rentInstance.Name} valid on {CloudEconomics.Serialization.IsoDate.Format(date)}.");
        var versus = tco.CompareWithOffer(offer, catalog);

        // Renting the cluster out.
        var rental = settings.RentalPrice is { } rp ? new PricePerHour(Money.Usd(rp)) : versus.RentalPerAcceleratorHour;
        var returns = RentalReturns.Evaluate(cluster, rental);

        var result = new TcoResult(
            new TcoClusterSummary(cluster.Name, cluster.Facility.Accelerators.Count, cluster.ServerCount, cluster.CommissioningDate, cluster.HorizonMonths, cluster.Facility.Utilization),
            settings.Inputs,
            new TcoCapexSummary(tco.Capex.Servers, tco.Capex.Networking, tco.Capex.Facility, tco.Capex.Total),
            tco.AcceleratorHours,
            tco.UtilizedAcceleratorHours,
            tco.Components.Select(c => new TcoComponentLine(c.Kind.ToString(), c.Total, c.PerAcceleratorHour, c.PerUtilizedAcceleratorHour)).ToList(),
            tco.Total,
            tco.PerAcceleratorHour,
            tco.PerUtilizedAcceleratorHour,
            breakeven,
            new TcoRentComparison(offer.Id, rentInstance.Name, offer.HourlyPrice.Value, offer.HourlyPrice.Provenance.Source, versus.RentalPerAcceleratorHour,
                versus.OwnedToRentalRatio, versus.SavingPerUtilizedAcceleratorHour, versus.SavingOverHorizon, versus.OwningIsCheaper),
            new TcoRentingOut(rental, cluster.Facility.Utilization, returns.Payback, returns.InternalRateOfReturn, returns.NetPresentValue));
        return new Computation(result, tco, rentInstance, offer, versus, rental, returns);
    }

    private static int Execute(CliContext context, CloudCatalog catalog, Settings settings)
    {
        var (result, tco, rentInstance, offer, versus, rental, returns) = Run(catalog, settings);
        var cluster = settings.Cluster;
        var inputs = settings.Inputs;
        var breakeven = result.BreakevenRentalPrice;
        if (settings.Chart is { } chartFile)
        {
            var series = tco.Components.Select(c => new ChartSeries(c.Kind.ToString(),
                [c.PerAcceleratorHour.ToDouble(), c.PerUtilizedAcceleratorHour?.ToDouble() ?? 0])).ToList();
            File.WriteAllText(chartFile.FullName, SvgCharts.StackedBarChart(["per owned accelerator-hour", "per used accelerator-hour"], series,
                new ChartOptions($"TCO of {cluster.Facility.Accelerators.Count:#,0} x {cluster.Facility.Accelerators.Name}", "", $"{cluster.Currency.Code} per accelerator-hour")));
        }
        if (settings.Json)
        {
            context.WriteJson(result);
            return ExitCodes.Success;
        }

        string M(Money m, string format = "#,0") => m.Amount.ToString(format, CultureInfo.InvariantCulture);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TCO of {cluster.Facility.Accelerators.Count:#,0} x {cluster.Facility.Accelerators.Name} in {cluster.ServerCount:#,0} servers from {CloudEconomics.Serialization.IsoDate.Format(cluster.CommissioningDate)}, {cluster.HorizonMonths} months; capex {M(tco.Capex.Total)} {cluster.Currency.Code} (servers {M(tco.Capex.Servers)}, networking {M(tco.Capex.Networking)}, facility {M(tco.Capex.Facility)})"));
        var inputTable = new Table().Title("Inputs").AddColumn("Input").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Unit").AddColumn("Source");
        foreach (var i in inputs)
        {
            inputTable.AddRow(Markup.Escape(i.Name), Markup.Escape(i.Value), Markup.Escape(i.Unit), Markup.Escape(i.Source));
        }
        context.Console.Write(inputTable);
        var table = new Table().Title("TCO by component").AddColumn("Component").AddColumn(new TableColumn($"Total {cluster.Currency.Code}").RightAligned())
            .AddColumn(new TableColumn("Per owned accel-hour").RightAligned()).AddColumn(new TableColumn("Per used accel-hour").RightAligned());
        foreach (var c in tco.Components)
        {
            table.AddRow(c.Kind.ToString(), M(c.Total), M(c.PerAcceleratorHour, "0.0000"), c.PerUtilizedAcceleratorHour is { } u ? M(u, "0.0000") : "n/a");
        }
        table.AddRow("Total", M(tco.Total), M(tco.PerAcceleratorHour, "0.0000"), tco.PerUtilizedAcceleratorHour is { } pu ? M(pu, "0.0000") : "n/a");
        context.Console.Write(table);
        context.Out.WriteLine($"Breakeven rental price: {M(breakeven.PerHour, "0.0000")} {cluster.Currency.Code} per used accelerator-hour (levelised: present value of costs / present value of used accelerator-hours at the cost of capital)");
        context.Out.WriteLine($"Build vs rent: {rentInstance.Name} {offer.Option} {offer.Region} {offer.HourlyPrice.Value} ({Commands.ShortProvenance(offer.HourlyPrice.Provenance)}) = {M(versus.RentalPerAcceleratorHour.PerHour, "0.0000")} per accelerator-hour; owned / rented = {versus.OwnedToRentalRatio.ToString("0.###", CultureInfo.InvariantCulture)}; "
            + (versus.OwningIsCheaper
                ? $"owning saves {M(versus.SavingPerUtilizedAcceleratorHour, "0.0000")} per used hour, {M(versus.SavingOverHorizon)} over the horizon"
                : $"renting is cheaper by {M(-versus.SavingPerUtilizedAcceleratorHour, "0.0000")} per used hour, {M(-versus.SavingOverHorizon)} over the horizon"));
        context.Out.WriteLine($"Renting out at {M(rental.PerHour, "0.####")} per accelerator-hour and utilisation {cluster.Facility.Utilization.ToString("0.##", CultureInfo.InvariantCulture)}: payback {Commands.Describe(returns.Payback)}, IRR {(returns.InternalRateOfReturn is { } irr ? Commands.Percent(irr) : "none")}, NPV at {Commands.Percent(cluster.Financing.CostOfCapital)} {M(returns.NetPresentValue)} {cluster.Currency.Code} (to equity, before tax; terminal book value included)");
        return ExitCodes.Success;
    }

    private static OwnedCluster LoadCluster(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Cluster file '{file.FullName}' does not exist.");
        }
        try
        {
            // At most 16 MiB of UTF-8 text nested at most 64 deep, checked before parsing (the library's bounded reader).
            var bytes = CloudEconomics.Utility.BoundedInput.ReadFile(file.ToString());
            CloudEconomics.Utility.BoundedInput.CheckJson(bytes, file.ToString());
            return JsonSerializer.Deserialize<OwnedCluster>(bytes, CliContext.JsonOptions)
                ?? throw new InvalidDataException($"{file.Name}: the file holds null, not a cluster.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file.Name}: {e.Message}");
        }
    }
}

/// <summary>One input of the tco command and where its value comes from.</summary>
/// <param name="Name">The input, such as <c>server capex</c>.</param>
/// <param name="Value">Its value as text (invariant culture), such as <c>250,000</c> or <c>8%</c>.</param>
/// <param name="Unit">Its unit, such as <c>USD/server</c>; empty when none.</param>
/// <param name="Source">Where it comes from: the option given (<c>--server-capex</c>), <c>ASSUMPTION</c> (a library default that is not data), or the reference record and its source.</param>
internal sealed record TcoInput(string Name, string Value, string Unit, string Source);

/// <summary>The JSON contract of <c>tco --format json</c>. Money is <c>{"amount", "currency"}</c>, prices add <c>"per": "h"</c> (per accelerator-hour).</summary>
/// <param name="Cluster">What was costed.</param>
/// <param name="Inputs">Every input with its source (one line, <c>cluster</c>, with <c>--file</c>).</param>
/// <param name="Capex">Capex by part (Money).</param>
/// <param name="AcceleratorHours">Owned accelerator-hours over the horizon.</param>
/// <param name="UtilizedAcceleratorHours">Used (or sold) accelerator-hours over the horizon.</param>
/// <param name="Components">The TCO by component; they sum to <paramref name="Total"/>.</param>
/// <param name="Total">The TCO over the horizon (Money).</param>
/// <param name="PerAcceleratorHour">TCO per owned accelerator-hour (Money).</param>
/// <param name="PerUtilizedAcceleratorHour">TCO per used accelerator-hour (Money); null at zero utilisation.</param>
/// <param name="BreakevenRentalPrice">The levelised breakeven price per used accelerator-hour (PricePerHour).</param>
/// <param name="Rent">Build vs rent against the compared catalog offer.</param>
/// <param name="RentingOut">The returns of renting the used hours out.</param>
internal sealed record TcoResult(
    TcoClusterSummary Cluster, IReadOnlyList<TcoInput> Inputs, TcoCapexSummary Capex, double AcceleratorHours, double UtilizedAcceleratorHours,
    IReadOnlyList<TcoComponentLine> Components, Money Total, Money PerAcceleratorHour, Money? PerUtilizedAcceleratorHour, PricePerHour BreakevenRentalPrice,
    TcoRentComparison Rent, TcoRentingOut RentingOut);

/// <summary>The cluster of <see cref="TcoResult"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Accelerators">Accelerator count.</param>
/// <param name="Servers">Server count (ceiling of accelerators / per server).</param>
/// <param name="Commissioning">The ISO commissioning date.</param>
/// <param name="HorizonMonths">The analysis horizon, months.</param>
/// <param name="Utilization">Share of accelerator-hours used, 0 to 1.</param>
internal sealed record TcoClusterSummary(string Name, int Accelerators, int Servers, LocalDate Commissioning, int HorizonMonths, double Utilization);

/// <summary>Capex by part (Money).</summary>
/// <param name="Servers">Servers with their accelerators.</param>
/// <param name="Networking">Networking.</param>
/// <param name="Facility">Datacenter shell and power.</param>
/// <param name="Total">The sum.</param>
internal sealed record TcoCapexSummary(Money Servers, Money Networking, Money Facility, Money Total);

/// <summary>One TCO component.</summary>
/// <param name="Kind"><c>Depreciation</c>, <c>LoanInterest</c>, <c>EquityCharge</c>, <c>Energy</c>, <c>Maintenance</c>, <c>Staff</c> or <c>Space</c>.</param>
/// <param name="Total">Over the horizon (Money).</param>
/// <param name="PerAcceleratorHour">Per owned accelerator-hour (Money).</param>
/// <param name="PerUtilizedAcceleratorHour">Per used accelerator-hour (Money); null at zero utilisation.</param>
internal sealed record TcoComponentLine(string Kind, Money Total, Money PerAcceleratorHour, Money? PerUtilizedAcceleratorHour);

/// <summary>Build vs rent against one catalog offer (the cheapest region's).</summary>
/// <param name="Offer">The offer id.</param>
/// <param name="Instance">The instance type's name.</param>
/// <param name="InstancePrice">The offer's price per instance-hour (PricePerHour).</param>
/// <param name="PriceSource">Where that price comes from.</param>
/// <param name="PricePerAcceleratorHour">The offer's price per accelerator-hour (PricePerHour).</param>
/// <param name="OwnedToRentalRatio">Owned cost per used accelerator-hour / rental price (decimal; below 1: owning is cheaper).</param>
/// <param name="SavingPerUtilizedAcceleratorHour">Rental price minus owned cost per used accelerator-hour (Money; negative: renting is cheaper).</param>
/// <param name="SavingOverHorizon">That saving over every used hour of the horizon (Money).</param>
/// <param name="OwningIsCheaper">Whether the saving is positive.</param>
internal sealed record TcoRentComparison(string Offer, string Instance, PricePerHour? InstancePrice, string? PriceSource, PricePerHour PricePerAcceleratorHour,
    decimal OwnedToRentalRatio, Money SavingPerUtilizedAcceleratorHour, Money SavingOverHorizon, bool OwningIsCheaper);

/// <summary>Renting the cluster's used hours out.</summary>
/// <param name="PricePerAcceleratorHour">The rental price (PricePerHour; <c>--rental-price</c> or the compared offer's per accelerator-hour).</param>
/// <param name="Utilization">Share of accelerator-hours rented, 0 to 1.</param>
/// <param name="Payback">When the cumulative cash turns non-negative (<c>isReached</c>, <c>date</c>, <c>years</c>).</param>
/// <param name="Irr">Annual IRR as a fraction; null when no rate exists.</param>
/// <param name="Npv">NPV at the cluster's cost of capital, to equity, before tax, terminal book value included (Money).</param>
internal sealed record TcoRentingOut(PricePerHour PricePerAcceleratorHour, double Utilization, PaybackResult Payback, double? Irr, Money Npv);
