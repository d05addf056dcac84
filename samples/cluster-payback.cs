// "Payback of my cluster": an owned H100-class cluster's cost per accelerator-hour, the rental price that breaks even
// against p5.48xlarge on demand, the payback and IRR of renting it out, and its energy cost per million tokens.
// Run: dotnet run samples/cluster-payback.cs [-- OUTPUT_FOLDER]   (with a folder, also writes the charts as SVG)
// Add -p:RestoreAdditionalProjectSources=<folder> to use a locally packed CloudEconomics.
#:package CloudEconomics@0.1.0
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=true

using System.Globalization;
using CloudEconomics;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using CloudEconomics.Inference;
using CloudEconomics.Ownership;
using CloudEconomics.Power;
using NodaTime;
using UnitsPower = UnitsNet.Power;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var asOf = new LocalDate(2026, 7, 20); // catalog prices valid on this date
var power = PowerReferenceData.Default;
var grid = power.ElectricityPriceById("us-industrial-2025");          // sourced: EIA US industrial average 2025
var pue = power.PueById("aws-2025");                                  // sourced: AWS fleet PUE 2025
var gridPrice = grid.Price!.Value;

// The cluster. Capex and opex below are ILLUSTRATIVE ASSUMPTIONS, not data: hardware prices are not in the catalog.
var cluster = new OwnedCluster
{
    Name = "1,024 x H100-class (illustrative)",
    CommissioningDate = new LocalDate(2026, 1, 1),
    AcceleratorsPerServer = 8,
    ServerPrice = Money.Usd(250_000m),              // assumption: one 8-GPU H100 server
    NetworkingShareOfServerCapex = 0.15,            // assumption
    FacilityCapexPerMegawatt = Money.Usd(10_000_000m), // assumption: USD per MW of IT capacity
    FacilityUsefulLifeYears = 20,
    UsefulLifeYears = 5,                            // assumption: depreciation life of the servers
    Financing = new ClusterFinancing { CostOfCapital = 0.08 }, // assumption: 8% a year
    EnergyPrice = gridPrice,
    MaintenanceRate = 0.03,                         // assumption: 3% of capex a year
    StaffCostPerYear = Money.Usd(1_000_000m),       // assumption
    Facility = new Facility
    {
        Name = "illustrative H100 hall",
        ItCapacity = UnitsPower.FromKilowatts(1_100),
        Pue = (double)pue.Pue.Value!.Value,
        Utilization = 0.8,                          // assumption: 80% of hours busy
        Accelerators = new AcceleratorFleet
        {
            Name = "H100 SXM",
            Count = 1_024,
            MaxPower = UnitsPower.FromWatts(700),   // H100 SXM TDP
            IdlePower = UnitsPower.FromWatts(100),  // assumption
            ServerOverheadFactor = 1.5,             // assumption: host CPUs, NICs, fans add half again
        },
    },
};
var tco = ClusterTco.Calculate(cluster);

Console.WriteLine($"Cluster: {cluster.Name}, {cluster.ServerCount} servers, commissioned {cluster.CommissioningDate:uuuu-MM-dd}, {cluster.HorizonMonths / 12} years");
Console.WriteLine($"Assumed: server 250,000 USD, networking 15%, facility 10M USD/MW, 8% cost of capital, 80% utilisation, staff 1M USD/yr");
Console.WriteLine($"Sourced: energy {gridPrice.PerMegawattHour.Amount:0.0} USD/MWh ({grid.Name}); PUE {cluster.Facility.Pue:0.00} ({pue.Name})");
Console.WriteLine($"Capex: {tco.Capex.Total.Amount:#,0} USD (servers {tco.Capex.Servers.Amount:#,0}, networking {tco.Capex.Networking.Amount:#,0}, facility {tco.Capex.Facility.Amount:#,0})");
Console.WriteLine();
Console.WriteLine("Total cost of ownership over the horizon:");
Console.WriteLine($"  {"Component",-13} {"Total USD",14} {"USD/acc-h",10} {"USD/busy acc-h",15}");
foreach (var c in tco.Components.Where(c => !c.Total.IsZero))
{
    Console.WriteLine($"  {c.Kind,-13} {c.Total.Amount,14:#,0} {c.PerAcceleratorHour.Amount,10:0.0000} {c.PerUtilizedAcceleratorHour?.Amount,15:0.0000}");
}
Console.WriteLine($"  {"Total",-13} {tco.Total.Amount,14:#,0} {tco.PerAcceleratorHour.Amount,10:0.0000} {tco.PerUtilizedAcceleratorHour?.Amount,15:0.0000}");
Console.WriteLine();

var catalog = CloudCatalog.Default.AsOf(asOf);
var p5 = catalog.OffersFor(catalog.GetInstance("p5.48xlarge"), PurchaseOptionKind.OnDemand, "us-east-1").Single();
var rent = tco.CompareWithOffer(p5, catalog);
Console.WriteLine($"Breakeven rental price (levelised at the 8% cost of capital, 80% utilisation): {tco.BreakevenRentalPrice.PerHour.Amount:0.00} USD per accelerator-hour");
Console.WriteLine($"p5.48xlarge on demand, us-east-1, {asOf:uuuu-MM-dd}: {p5.Price.PerHour.Amount:0.00} USD/h = {rent.RentalPerAcceleratorHour.PerHour.Amount:0.00} USD per GPU-hour (confidence {p5.Provenance.Confidence}, as of {p5.Provenance.AsOfText})");
Console.WriteLine($"Owning costs {rent.OwnedPerUtilizedAcceleratorHour.PerHour.Amount:0.00} USD per busy GPU-hour = {rent.OwnedToRentalRatio:0.00} x renting; saving over the horizon {rent.SavingOverHorizon.Amount:#,0} USD");
Console.WriteLine();

var rentalPrice = PricePerHour.Usd(2.20m); // assumption: what we charge per accelerator-hour, at the facility's 80% utilisation
var returns = RentalReturns.Evaluate(cluster, rentalPrice);
Console.WriteLine($"Renting it out at {rentalPrice.PerHour.Amount:0.00} USD per accelerator-hour, 80% utilised (assumption):");
Console.WriteLine(returns.Payback.IsReached
    ? $"  payback on {returns.Payback.Date:uuuu-MM-dd}, {returns.Payback.Years:0.00} years after commissioning (depreciation life {cluster.UsefulLifeYears} years)"
    : "  payback not reached within the horizon");
Console.WriteLine($"  IRR {(returns.InternalRateOfReturn is { } irr ? irr.ToString("0.0%") : "none")}; NPV at 8%: {returns.NetPresentValue.Amount:#,0} USD (terminal book value included)");
Console.WriteLine();

// Energy per million tokens: Llama 3.1 70B on the same H100s, throughput from the roofline estimate for p5.48xlarge.
var model = ModelLibrary.Default["llama-3.1-70b"];
var workload = new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.8 }; // assumption
var estimate = OfferRanking.Evaluate(model, workload, catalog.ToInferenceOffer(p5), EfficiencyFactors.Default).Estimate!;
var perGpu = TokenRate.FromTokensPerSecond(estimate.TotalThroughput.TokensPerSecond / estimate.Deployment.AcceleratorCount);
var nuclear = PricePerEnergy.UsdPerMegawattHour(95m); // ASSUMPTION: nuclear PPA prices are undisclosed (power seeds: nuclear-ppa-undisclosed)
Console.WriteLine($"Energy per 1M tokens, {model.Name}, {perGpu.TokensPerSecond:#,0} tokens/s per busy GPU (calibrated roofline estimate):");
Console.WriteLine($"  grid price  {gridPrice.PerMegawattHour.Amount,6:0.0} USD/MWh (sourced):  {EnergyModel.CostPerMillionTokens(cluster.Facility, gridPrice, perGpu).PerMillionTokens.Amount:0.0000} USD per 1M tokens");
Console.WriteLine($"  nuclear PPA {nuclear.PerMegawattHour.Amount,6:0.0} USD/MWh (assumed): {EnergyModel.CostPerMillionTokens(cluster.Facility, nuclear, perGpu).PerMillionTokens.Amount:0.0000} USD per 1M tokens");

if (args.Length > 0)
{
    Directory.CreateDirectory(args[0]);
    var start = cluster.CommissioningDate;
    var points = returns.Schedule.CumulativePosition()
        .Select(f => new ChartPoint(Period.Between(start, f.Date, PeriodUnits.Days).Days / 365.0, (double)f.Amount.Amount / 1e6)).ToList();
    var marker = returns.Payback.IsReached
        ? new ChartMarker(returns.Payback.Years!.Value, 0, $"payback {returns.Payback.Date:uuuu-MM-dd} ({returns.Payback.Years:0.0} years)")
        : null;
    var cash = SvgCharts.LineChart(points, new ChartOptions("Cumulative cash flow: renting out the cluster at 2.20 USD per GPU-hour", "years after commissioning", "cumulative cash, million USD"), marker);
    File.WriteAllText(Path.Combine(args[0], "cluster-cumulative-cash-flow.svg"), cash);
    var kinds = tco.Components.Where(c => c.Total.Amount > 0).ToList();
    var stacked = SvgCharts.StackedBarChart(
        ["owned, per GPU-hour", "owned, per busy GPU-hour", "p5.48xlarge on demand"],
        [.. kinds.Select(c => new ChartSeries(c.Kind.ToString(), [(double)c.PerAcceleratorHour.Amount, (double)(c.PerUtilizedAcceleratorHour?.Amount ?? 0), 0])),
         new ChartSeries("Rental price", [0, 0, (double)rent.RentalPerAcceleratorHour.PerHour.Amount])],
        new ChartOptions("Owned H100-class cluster vs renting: cost per GPU-hour", "", "USD per GPU-hour"));
    File.WriteAllText(Path.Combine(args[0], "cluster-tco-components.svg"), stacked);
    Console.WriteLine();
    Console.WriteLine($"Charts written to {args[0]}: cluster-cumulative-cash-flow.svg, cluster-tco-components.svg");
}
