using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using CloudEconomics.Ownership;
using CloudEconomics.Power;
using NodaTime;
using Spectre.Console;
using CloudEconomics.Analysis;
using CloudEconomics.Reports;

namespace CloudEconomics.Cli;

/// <summary><c>tco</c>: the total cost of ownership of an owned cluster, build vs rent, and the returns of renting it out.</summary>
internal static partial class Commands
{
    /// <summary>One input of the tco command and where its value comes from.</summary>
    internal sealed record TcoInput(string Name, string Value, string Unit, string Source);

    private const string ElectricityRecordId = "us-industrial-2025";

    private static Command TcoCommand(CliContext context)
    {
        var file = new Option<FileInfo?>("--file") { Description = "An OwnedCluster JSON file (camelCase, as CloudEconomicsJson writes it); replaces every cluster option below." };
        var accelerators = new Option<int>("--accelerators") { Description = "ASSUMPTION: accelerators in the cluster (default 1,024).", DefaultValueFactory = _ => 1024 };
        var perServer = new Option<int>("--per-server") { Description = "Accelerators per server (default 8, an HGX board).", DefaultValueFactory = _ => 8 };
        var tdp = new Option<double?>("--tdp") { Description = "Accelerator draw at full load, W (default: the catalog's H100 SXM TDP, 700 W)." };
        var idle = new Option<double>("--idle") { Description = "ASSUMPTION: accelerator idle draw, W (default 100).", DefaultValueFactory = _ => StandardModels.AssumedIdleWatts };
        var overhead = new Option<double>("--server-overhead") { Description = "ASSUMPTION: server draw as a multiple of its accelerators' draw (default 1.0 = accelerators only).", DefaultValueFactory = _ => 1d };
        var serverCapex = new Option<decimal>("--server-capex") { Description = "ASSUMPTION: purchase price of one server with its accelerators, USD (default 250,000; purchase prices are not in the reference data).", DefaultValueFactory = _ => (decimal)StandardModels.AssumedServerCapexUsd };
        var networking = new Option<double>("--networking-share") { Description = "ASSUMPTION: networking capex as a share of server capex (default 0.10).", DefaultValueFactory = _ => 0.10 };
        var facilityCapex = new Option<decimal>("--facility-capex-per-mw") { Description = "ASSUMPTION: datacenter shell and power capex per MW of IT capacity, USD (default 10,000,000; 0 when colocated).", DefaultValueFactory = _ => 10_000_000m };
        var life = new Option<int>("--life") { Description = "ASSUMPTION: useful life of servers and networking, years (default 5).", DefaultValueFactory = _ => 5 };
        var salvage = new Option<double>("--salvage") { Description = "ASSUMPTION: IT salvage value at end of life as a share of IT capex (default 0).", DefaultValueFactory = _ => 0d };
        var costOfCapital = new Option<double>("--cost-of-capital") { Description = "ASSUMPTION: annual cost of capital (default 0.08).", DefaultValueFactory = _ => 0.08 };
        var maintenance = new Option<double>("--maintenance") { Description = "ASSUMPTION: annual maintenance as a share of capex (default 0.03).", DefaultValueFactory = _ => StandardModels.AssumedMaintenanceRate };
        var staff = new Option<decimal>("--staff") { Description = "ASSUMPTION: staff cost per year, USD (default 1,000,000).", DefaultValueFactory = _ => 1_000_000m };
        var space = new Option<decimal>("--space") { Description = "ASSUMPTION: space cost per year (rent, colocation, property tax), USD (default 0).", DefaultValueFactory = _ => 0m };
        var pue = new Option<double?>("--pue") { Description = $"PUE (default: reference data '{StandardModels.PueRecordId}', the Uptime Institute industry average)." };
        var electricity = new Option<decimal?>("--electricity") { Description = $"Electricity price, USD/kWh (default: reference data '{ElectricityRecordId}', US industrial average)." };
        var utilization = new Option<double>("--utilization") { Description = "ASSUMPTION: share of accelerator-hours used or sold (default 0.6, as the seed report's workload).", DefaultValueFactory = _ => 0.6 };
        var start = new Option<string?>("--start") { Description = "Commissioning date (default: the catalog's price date)." };
        var horizon = new Option<int?>("--horizon") { Description = "Analysis horizon in years (default: the useful life)." };
        var rent = new Option<string>("--rent") { Description = "The catalog instance to compare with (default p5.48xlarge).", DefaultValueFactory = _ => "p5.48xlarge" };
        var rentOption = new Option<string>("--rent-option") { Description = "Purchase option of the compared offer (default on-demand).", DefaultValueFactory = _ => "on-demand" };
        var rentalPrice = new Option<decimal?>("--rental-price") { Description = "Price per accelerator-hour at which the cluster rents out its used hours, USD (default: the compared offer's price per accelerator-hour)." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write the TCO components as an SVG stacked bar chart to this file." };
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
            var catalog = LoadCatalog(parse);
            var date = catalog.Date ?? LatestOfferDate(catalog);
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
                double watts;
                string tdpSource;
                if (parse.GetValue(tdp) is { } t)
                {
                    watts = t;
                    tdpSource = "--tdp";
                }
                else
                {
                    var figure = h100?.ThermalDesignPowerFigure ?? throw new InvalidDataException($"The catalog has no accelerator '{StandardModels.H100AcceleratorId}' for the default TDP; give --tdp.");
                    watts = figure.Value is { } p ? (double)p.Watts : throw new InvalidDataException($"The catalog has no TDP for '{StandardModels.H100AcceleratorId}'; give --tdp.");
                    tdpSource = $"catalog {h100!.Name}: {figure.Provenance.Source}";
                }
                double pueValue;
                string pueSource;
                if (parse.GetValue(pue) is { } pv)
                {
                    pueValue = pv;
                    pueSource = "--pue";
                }
                else
                {
                    var record = reference.PueById(StandardModels.PueRecordId);
                    pueValue = (double)record.Pue.Value!.Value;
                    pueSource = $"{record.Name} ({record.Pue.Provenance.Source})";
                }
                decimal kwh;
                string kwhSource;
                if (parse.GetValue(electricity) is { } ev)
                {
                    kwh = ev;
                    kwhSource = "--electricity";
                }
                else
                {
                    var record = reference.ElectricityPriceById(ElectricityRecordId);
                    kwh = record.UsdPerKilowattHour.Value!.Value;
                    kwhSource = $"{record.Name} ({record.UsdPerKilowattHour.Provenance.Source})";
                }
                int count = parse.GetValue(accelerators);
                double overheadFactor = parse.GetValue(overhead);
                var commissioning = parse.GetValue(start) is { } s ? ParseDate(s, "--start") : date;
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
                    new("networking", Percent(parse.GetValue(networking)), "of server capex", A(networking)),
                    new("facility capex", parse.GetValue(facilityCapex).ToString("#,0", CultureInfo.InvariantCulture), "USD/MW IT", A(facilityCapex)),
                    new("useful life", cluster.UsefulLifeYears.ToString(CultureInfo.InvariantCulture), "years", A(life)),
                    new("salvage", Percent(cluster.SalvageFraction), "of IT capex", A(salvage)),
                    new("cost of capital", Percent(cluster.Financing.CostOfCapital), "a year", A(costOfCapital)),
                    new("maintenance", Percent(cluster.MaintenanceRate), "of capex a year", A(maintenance)),
                    new("staff", parse.GetValue(staff).ToString("#,0", CultureInfo.InvariantCulture), "USD/year", A(staff)),
                    new("space", parse.GetValue(space).ToString("#,0", CultureInfo.InvariantCulture), "USD/year", A(space)),
                    new("PUE", pueValue.ToString("0.###", CultureInfo.InvariantCulture), "", pueSource),
                    new("electricity", kwh.ToString("0.####", CultureInfo.InvariantCulture), "USD/kWh", kwhSource),
                    new("utilisation", cluster.Facility.Utilization.ToString("0.###", CultureInfo.InvariantCulture), "of accelerator-hours", A(utilization)),
                    new("commissioning", commissioning.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), "", parse.GetValue(start) is null ? "the catalog's price date" : "--start"),
                    new("horizon", (cluster.HorizonMonths / 12).ToString(CultureInfo.InvariantCulture), "years", parse.GetValue(horizon) is null ? "the useful life" : "--horizon"),
                ]);
            }

            var tco = ClusterTco.Calculate(cluster);
            var breakeven = tco.BreakevenRentalPrice;

            // Build vs rent against a catalog offer.
            var rentName = parse.GetValue(rent)!;
            var rentInstance = catalog.FindInstance(rentName) ?? throw new InvalidDataException($"Unknown instance '{rentName}' for --rent: not in the catalog (see 'cloudecon catalog list').");
            var rentOptionText = parse.GetValue(rentOption)!;
            var rentKind = OptionNames.TryGetValue(rentOptionText, out var rk) ? rk
                : throw new UsageException($"--rent-option must be one of {string.Join(", ", OptionNames.Keys)}; it was '{rentOptionText}'.");
            // The cheapest region's offer (us-east-1 first on a tie: the curated AWS price history is kept there).
            var offer = catalog.OffersFor(rentInstance, rentKind).Where(o => o.Currency == cluster.Currency && o.HourlyPrice.Value is not null)
                    .OrderBy(o => o.Price.PerHour.Amount).ThenBy(o => o.Region == "us-east-1" ? 0 : 1).ThenBy(o => o.Region, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidDataException($"The catalog has no {rentOptionText} {cluster.Currency.Code} offer for {rentInstance.Name} valid on {date:uuuu-MM-dd}.");
            var versus = tco.CompareWithOffer(offer, catalog);

            // Renting the cluster out.
            var rental = parse.GetValue(rentalPrice) is { } rp ? new PricePerHour(Money.Usd(rp)) : versus.RentalPerAcceleratorHour;
            var returns = RentalReturns.Evaluate(cluster, rental);

            if (parse.GetValue(chart) is { } chartFile)
            {
                var series = tco.Components.Select(c => new ChartSeries(c.Kind.ToString(),
                    [c.PerAcceleratorHour.ToDouble(), c.PerUtilizedAcceleratorHour?.ToDouble() ?? 0])).ToList();
                File.WriteAllText(chartFile.FullName, SvgCharts.StackedBarChart(["per owned accelerator-hour", "per used accelerator-hour"], series,
                    new ChartOptions($"TCO of {cluster.Facility.Accelerators.Count:#,0} x {cluster.Facility.Accelerators.Name}", "", $"{cluster.Currency.Code} per accelerator-hour")));
            }

            if (parse.GetValue(Format) == OutputFormat.Json)
            {
                context.WriteJson(new
                {
                    cluster = new
                    {
                        name = cluster.Name,
                        accelerators = cluster.Facility.Accelerators.Count,
                        servers = cluster.ServerCount,
                        commissioning = cluster.CommissioningDate,
                        horizonMonths = cluster.HorizonMonths,
                        utilization = cluster.Facility.Utilization,
                    },
                    inputs = inputs.Select(i => new { name = i.Name, value = i.Value, unit = i.Unit, source = i.Source }),
                    capex = new { servers = tco.Capex.Servers, networking = tco.Capex.Networking, facility = tco.Capex.Facility, total = tco.Capex.Total },
                    acceleratorHours = tco.AcceleratorHours,
                    utilizedAcceleratorHours = tco.UtilizedAcceleratorHours,
                    components = tco.Components.Select(c => new { kind = c.Kind.ToString(), total = c.Total, perAcceleratorHour = c.PerAcceleratorHour, perUtilizedAcceleratorHour = c.PerUtilizedAcceleratorHour }),
                    total = tco.Total,
                    perAcceleratorHour = tco.PerAcceleratorHour,
                    perUtilizedAcceleratorHour = tco.PerUtilizedAcceleratorHour,
                    breakevenRentalPrice = breakeven,
                    rent = new
                    {
                        offer = offer.Id,
                        instance = rentInstance.Name,
                        instancePrice = offer.HourlyPrice.Value,
                        priceSource = offer.HourlyPrice.Provenance.Source,
                        pricePerAcceleratorHour = versus.RentalPerAcceleratorHour,
                        ownedToRentalRatio = versus.OwnedToRentalRatio,
                        savingPerUtilizedAcceleratorHour = versus.SavingPerUtilizedAcceleratorHour,
                        savingOverHorizon = versus.SavingOverHorizon,
                        owningIsCheaper = versus.OwningIsCheaper,
                    },
                    rentingOut = new
                    {
                        pricePerAcceleratorHour = rental,
                        utilization = cluster.Facility.Utilization,
                        payback = returns.Payback,
                        irr = returns.InternalRateOfReturn,
                        npv = returns.NetPresentValue,
                    },
                });
                return ExitCodes.Success;
            }

            string M(Money m, string format = "#,0") => m.Amount.ToString(format, CultureInfo.InvariantCulture);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"TCO of {cluster.Facility.Accelerators.Count:#,0} x {cluster.Facility.Accelerators.Name} in {cluster.ServerCount:#,0} servers from {cluster.CommissioningDate:uuuu-MM-dd}, {cluster.HorizonMonths} months; capex {M(tco.Capex.Total)} {cluster.Currency.Code} (servers {M(tco.Capex.Servers)}, networking {M(tco.Capex.Networking)}, facility {M(tco.Capex.Facility)})"));
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
            context.Out.WriteLine($"Build vs rent: {rentInstance.Name} {offer.Option} {offer.Region} {offer.HourlyPrice.Value} ({ShortProvenance(offer.HourlyPrice.Provenance)}) = {M(versus.RentalPerAcceleratorHour.PerHour, "0.0000")} per accelerator-hour; owned / rented = {versus.OwnedToRentalRatio.ToString("0.###", CultureInfo.InvariantCulture)}; "
                + (versus.OwningIsCheaper
                    ? $"owning saves {M(versus.SavingPerUtilizedAcceleratorHour, "0.0000")} per used hour, {M(versus.SavingOverHorizon)} over the horizon"
                    : $"renting is cheaper by {M(-versus.SavingPerUtilizedAcceleratorHour, "0.0000")} per used hour, {M(-versus.SavingOverHorizon)} over the horizon"));
            context.Out.WriteLine($"Renting out at {M(rental.PerHour, "0.####")} per accelerator-hour and utilisation {cluster.Facility.Utilization.ToString("0.##", CultureInfo.InvariantCulture)}: payback {Describe(returns.Payback)}, IRR {(returns.InternalRateOfReturn is { } irr ? Percent(irr) : "none")}, NPV at {Percent(cluster.Financing.CostOfCapital)} {M(returns.NetPresentValue)} {cluster.Currency.Code} (to equity, before tax; terminal book value included)");
            return ExitCodes.Success;
        });
        return command;
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
