// "How sure are we?": which assumption moves the custom-silicon vs GPU cost ratio most (tornado), and the probability
// that an owned H100-class cluster pays back within its depreciation life (Monte Carlo over the library's own calculator).
// Run: dotnet run samples/payback-probability.cs [-- OUTPUT_FOLDER]   (with a folder, also writes the charts as SVG)
// Add -p:RestoreAdditionalProjectSources=<folder> to use a locally packed CloudEconomics.
#:package CloudEconomics@0.1.0
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=true

using System.Diagnostics;
using System.Globalization;
using CloudEconomics;
using CloudEconomics.Analysis;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using CloudEconomics.Inference;
using CloudEconomics.Ownership;
using CloudEconomics.Power;
using NodaTime;
using UnitsPower = UnitsNet.Power;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var asOf = new LocalDate(2026, 7, 20);

// 1. Tornado: custom silicon / GPU cost per token, AWS on demand, us-east-1, Llama 3.1 70B, the seed report's workload.
var model = ModelLibrary.Default["llama-3.1-70b"];
var workload = new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.6 }; // assumption
var aws = CloudCatalog.Default.ToInferenceOffers(asOf, Currency.Usd, out _)
    .Where(o => o.Provider == ProviderId.Aws && o.PurchaseOption == PurchaseOption.OnDemand && o.Region == "us-east-1");
var cmp = CustomSiliconComparison.Compare(model, workload, aws);
double cs0 = (double)cmp.CustomSilicon.Offer.Price.PerHour.Amount, gpu0 = (double)cmp.Gpu.Offer.Price.PerHour.Amount;
double csT0 = cmp.CustomSilicon.Estimate!.TotalThroughput.TokensPerSecond, gpuT0 = cmp.Gpu.Estimate!.TotalThroughput.TokensPerSecond;
double ratio0 = (double)cmp.Ratio;

// Cost per token is price / throughput, so the ratio scales with the price and throughput multipliers.
// Ranges are ASSUMPTIONS: discounts down to -30% on either side; real throughput 60%-120% of the roofline estimate.
var rb = new ScenarioModelBuilder("custom silicon / GPU cost per token", "ratio");
var csPrice = rb.Input($"{cmp.CustomSilicon.Offer.InstanceType} price", "USD/h", cs0, cs0 * 0.7, cs0);
var csTput = rb.Input($"{cmp.CustomSilicon.Offer.InstanceType} throughput", "tokens/s", csT0, csT0 * 0.6, csT0 * 1.2);
var gpuPrice = rb.Input($"{cmp.Gpu.Offer.InstanceType} price", "USD/h", gpu0, gpu0 * 0.7, gpu0);
var gpuTput = rb.Input($"{cmp.Gpu.Offer.InstanceType} throughput", "tokens/s", gpuT0, gpuT0 * 0.6, gpuT0 * 1.2);
var ratioModel = rb.Build(v => ratio0 * (v[csPrice] / cs0) / (v[csTput] / csT0) * (v[gpuTput] / gpuT0) / (v[gpuPrice] / gpu0));
var tornado = ratioModel.Tornado();
Console.WriteLine($"Custom silicon vs GPU cost per token ({model.Name}, AWS on demand us-east-1, {asOf:uuuu-MM-dd}): base ratio {tornado.BaseOutput:0.000}");
Console.WriteLine($"  {"Input (range assumed)",-36} {"low -> high",24} {"ratio at low -> high",22} {"swing",6}");
foreach (var bar in tornado.Bars)
{
    Console.WriteLine($"  {bar.Input.Name + " (" + bar.Input.Unit + ")",-36} {$"{N(bar.LowValue)} -> {N(bar.HighValue)}",24} {$"{bar.OutputAtLow:0.000} -> {bar.OutputAtHigh:0.000}",22} {bar.Swing,6:0.000}");
}
Console.WriteLine();

// 2. Monte Carlo: does an owned 1,024 x H100-class cluster, rented out, pay back within its 5-year depreciation life?
// Capex and opex are ILLUSTRATIVE ASSUMPTIONS (same as samples/cluster-payback.cs); the grid price is sourced.
var grid = (double)PowerReferenceData.Default.ElectricityPriceById("us-industrial-2025").Price!.Value.PerMegawattHour.Amount;
var baseCluster = new OwnedCluster
{
    Name = "1,024 x H100-class (illustrative)",
    CommissioningDate = new LocalDate(2026, 1, 1),
    AcceleratorsPerServer = 8,
    ServerPrice = Money.Usd(250_000m),
    NetworkingShareOfServerCapex = 0.15,
    FacilityCapexPerMegawatt = Money.Usd(10_000_000m),
    FacilityUsefulLifeYears = 20,
    UsefulLifeYears = 5,
    Financing = new ClusterFinancing { CostOfCapital = 0.08 },
    MaintenanceRate = 0.03,
    StaffCostPerYear = Money.Usd(1_000_000m),
    EnergyPrice = PricePerEnergy.UsdPerMegawattHour((decimal)grid),
    Facility = new Facility
    {
        ItCapacity = UnitsPower.FromKilowatts(1_100), Pue = 1.14, Utilization = 0.8,
        Accelerators = new AcceleratorFleet { Count = 1_024, MaxPower = UnitsPower.FromWatts(700), IdlePower = UnitsPower.FromWatts(100), ServerOverheadFactor = 1.5 },
    },
};
var pb = new ScenarioModelBuilder("cumulative cash at the end of the depreciation life", "million USD");
var rent = pb.Input("rental price", "USD/GPU-h", 2.2, Distribution.Pert(1.4, 2.2, 3.5));
var util = pb.Input("utilisation", "share of hours", 0.8, Distribution.Pert(0.5, 0.8, 0.95));
var server = pb.Input("server price", "USD", 250_000, Distribution.Pert(220_000, 250_000, 320_000));
var energy = pb.Input("energy price", "USD/MWh", grid, Distribution.Pert(60, grid, 140));
var paybackModel = pb.Build(v =>
{
    var cluster = baseCluster with
    {
        ServerPrice = Money.Usd(Math.Round((decimal)v[server], 2)),
        EnergyPrice = PricePerEnergy.UsdPerMegawattHour(Math.Round((decimal)v[energy], 4)),
        Facility = baseCluster.Facility with { Utilization = v[util] },
    };
    // No terminal book value: the cash must come back from rentals within the 5 years.
    var flows = RentalReturns.CashFlows(cluster, PricePerHour.Usd(Math.Round((decimal)v[rent], 4)), includeTerminalBookValue: false);
    return (double)flows.Total.Amount / 1e6;
});
var paysBack = OutputCondition.AtLeast(0);
var watch = Stopwatch.StartNew();
var sim = paybackModel.Simulate(new SimulationOptions { Draws = 10_000, Seed = 2026, Conditions = [paysBack], HistogramBins = 30 });
watch.Stop();
Console.WriteLine("Owned 1,024 x H100-class cluster rented out (illustrative capex/opex), 10,000 draws, seed 2026:");
Console.WriteLine("  uncertain inputs (PERT min/mode/max, assumed): rental price 1.4/2.2/3.5 USD/GPU-h, utilisation 50%/80%/95%,");
Console.WriteLine($"  server price 220k/250k/320k USD, energy 60/{grid:0.0}/140 USD/MWh (mode = US industrial average 2025)");
Console.WriteLine($"  base case: {paybackModel.Evaluate():#,0.0} million USD cumulative cash after 5 years");
Console.WriteLine($"  mean {sim.Mean:#,0.0}, P10 {sim.P10:#,0.0}, P50 {sim.P50:#,0.0}, P90 {sim.P90:#,0.0} million USD");
var p = sim.Conditions[0];
Console.WriteLine($"  P(pays back within the 5-year depreciation life) = {p.Probability:0.0%} (standard error {p.StandardError:0.0%})");
Console.WriteLine($"  elapsed {watch.Elapsed.TotalSeconds:0.0} s ({Environment.ProcessorCount} cores)");

if (args.Length > 0)
{
    Directory.CreateDirectory(args[0]);
    var tsvg = SvgCharts.Tornado(
        [.. tornado.Bars.Select(b => new CloudEconomics.Charts.TornadoChartBar(b.Input.Name, b.OutputAtLow, b.OutputAtHigh))], tornado.BaseOutput,
        new ChartOptions("What moves the cost ratio (below 1: custom silicon cheaper)", "cost per token, custom silicon / GPU", "") { Height = 300 });
    File.WriteAllText(Path.Combine(args[0], "ratio-tornado.svg"), tsvg);
    var h = sim.Histogram;
    var bins = h.Counts.Select((c, i) => new HistogramBin(h.LowerEdge(i), h.LowerEdge(i) + h.BinWidth, c)).ToList();
    var hsvg = SvgCharts.Histogram(bins, new ChartOptions($"Cumulative cash after 5 years: P(payback) = {p.Probability:0%}", "million USD (0 = pays back exactly at 5 years)", "draws"));
    File.WriteAllText(Path.Combine(args[0], "payback-histogram.svg"), hsvg);
    Console.WriteLine();
    Console.WriteLine($"Charts written to {args[0]}: ratio-tornado.svg, payback-histogram.svg");
}

static string N(double v) => Math.Abs(v) >= 1000 ? v.ToString("#,0") : v.ToString("0.00");
