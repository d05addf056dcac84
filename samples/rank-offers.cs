// "Rank offers for my model": cost per million tokens of Llama 3.1 70B on every priced offer in the embedded catalog,
// and the custom-silicon vs GPU ratio like for like (AWS on-demand, us-east-1).
// Run: dotnet run samples/rank-offers.cs [-- OUTPUT_FOLDER]   (with a folder, also writes cost-per-million-tokens.svg)
// Add -p:RestoreAdditionalProjectSources=<folder> to use a locally packed CloudEconomics.
#:package CloudEconomics@0.1.0
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=true

using System.Globalization;
using CloudEconomics;
using CloudEconomics.Catalog;
using CloudEconomics.Charts;
using CloudEconomics.Inference;
using NodaTime;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var asOf = new LocalDate(2026, 7, 20); // prices valid on this date (fixed, so the output is reproducible)
var model = ModelLibrary.Default["llama-3.1-70b"];
// ASSUMPTION: a chat-style workload, 2,000 prompt + 500 output tokens per request, batch 64, 60% utilisation.
var workload = new Workload { PromptTokens = TokenCount.FromTokens(2000), OutputTokens = TokenCount.FromTokens(500), BatchSize = 64, Utilization = 0.6 };

var offers = CloudCatalog.Default.ToInferenceOffers(asOf, Currency.Usd, out var skipped);
var ranked = OfferRanking.Rank(model, workload, offers); // no factors passed: the calibrated defaults (seeds/calibration, fitted to published measurements)
var ok = ranked.Where(r => r.Rank is not null).ToList();

Console.WriteLine($"Model: {model.Name} ({model.WeightPrecision} weights); prices valid on {asOf:uuuu-MM-dd}");
Console.WriteLine($"Workload (assumed): {workload.PromptTokens.Tokens:0} prompt + {workload.OutputTokens.Tokens:0} output tokens/request, batch {workload.BatchSize}, utilisation {workload.Utilization:0%}");
Console.WriteLine($"Offers: {offers.Count} priced in USD, {ok.Count} ranked, {ranked.Count - ok.Count} excluded (model does not fit, ...), {skipped.Count} skipped (no price or spec)");
Console.WriteLine();
Console.WriteLine("Cheapest 10 offers, blended USD per 1M tokens (roofline calibrated to published measurements):");
Console.WriteLine($"{"#",3}  {"Instance",-25} {"Accelerators",-27} {"Option",-17} {"Region",-12} {"USD/h",7} {"USD/1M",7}  Decode bound");
foreach (var r in ok.Take(10))
{
    var o = r.Offer;
    Console.WriteLine($"{r.Rank,3}  {Cut(o.InstanceType, 25),-25} {Cut($"{o.AcceleratorCount} x {o.Accelerator.Name}", 27),-27} {Cut(o.PurchaseOption.ToString(), 17),-17} {Cut(o.Region ?? "-", 12),-12} {o.Price.PerHour.Amount,7:#,0.00} {r.Cost!.Blended.PerMillionTokens.Amount,7:0.0000}  {r.Cost.DecodeBound}");
}

Console.WriteLine();
var aws = offers.Where(o => o.Provider == ProviderId.Aws && o.PurchaseOption == PurchaseOption.OnDemand && o.Region == "us-east-1");
var cmp = CustomSiliconComparison.Compare(model, workload, aws);
Console.WriteLine("Custom silicon vs GPU, like for like (AWS on-demand, us-east-1, same model and workload):");
Console.WriteLine($"  custom silicon: {cmp.CustomSilicon.Offer.InstanceType,-16} {cmp.CustomSilicon.Cost!.Blended.PerMillionTokens.Amount,8:0.0000} USD/1M tokens ({cmp.CustomSilicon.Offer.Price.PerHour.Amount:#,0.00} USD/h)");
Console.WriteLine($"  GPU:            {cmp.Gpu.Offer.InstanceType,-16} {cmp.Gpu.Cost!.Blended.PerMillionTokens.Amount,8:0.0000} USD/1M tokens ({cmp.Gpu.Offer.Price.PerHour.Amount:#,0.00} USD/h)");
Console.WriteLine($"  ratio custom silicon / GPU = {cmp.Ratio:0.000} ({(cmp.Ratio < 1 ? $"{1 - cmp.Ratio:0.0%} cheaper" : $"{cmp.Ratio - 1:0.0%} dearer")}); the article claims about 40% cheaper (ratio 0.6)");
foreach (var s in cmp.Sensitivity)
{
    Console.WriteLine($"  if {s.Factor} x{s.LowMultiplier:0.##}: ratio {s.RatioAtLow:0.000}; x{s.HighMultiplier:0.##}: ratio {s.RatioAtHigh:0.000}");
}

if (args.Length > 0)
{
    Directory.CreateDirectory(args[0]);
    var bars = ok.Take(10).Select(r => new BarItem(Cut($"{r.Offer.InstanceType.Replace("Standard_", "")} {r.Offer.PurchaseOption}", 30), (double)r.Cost!.Blended.PerMillionTokens.Amount)).ToList();
    var svg = SvgCharts.BarChart(bars, new ChartOptions($"{model.Name}: cost per million tokens, cheapest 10 offers", "USD per 1M tokens (blended, calibrated roofline)", "") { Height = 420 });
    var path = Path.Combine(args[0], "cost-per-million-tokens.svg");
    File.WriteAllText(path, svg);
    Console.WriteLine();
    Console.WriteLine($"Chart written: {path}");
}

static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "~";
