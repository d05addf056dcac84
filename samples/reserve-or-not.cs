// "Reserve or not": is a Trainium capacity block cheaper than on demand at my utilisation? (trn1.32xlarge)
// Run: dotnet run samples/reserve-or-not.cs   (add -p:RestoreAdditionalProjectSources=<folder> for a locally packed CloudEconomics)
#:package CloudEconomics@0.1.0
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=true

using System.Globalization;
using CloudEconomics;
using CloudEconomics.Catalog;
using NodaTime;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var asOf = new LocalDate(2026, 7, 20); // prices valid on this date (fixed, so the output is reproducible)
var catalog = CloudCatalog.Default.AsOf(asOf);
var trn1 = catalog.GetInstance("trn1.32xlarge");
var onDemand = catalog.OffersFor(trn1, PurchaseOptionKind.OnDemand, "us-east-1").Single();
var blocks = catalog.OffersFor(trn1, PurchaseOptionKind.CapacityBlock);

Console.WriteLine($"{trn1.Name}: {trn1.Accelerators} x {trn1.Accelerator?.Name}; prices valid on {asOf:uuuu-MM-dd}");
Console.WriteLine($"  on demand      {onDemand.Region,-16} {onDemand.Price.PerHour.Amount,8:0.000} USD/h  confidence {onDemand.Provenance.Confidence}, as of {onDemand.Provenance.AsOfText}");
foreach (var b in blocks)
{
    Console.WriteLine($"  capacity block {b.Region,-16} {b.Price.PerHour.Amount,8:0.000} USD/h  confidence {b.Provenance.Confidence}, as of {b.Provenance.AsOfText}");
}
Console.WriteLine();

var block = blocks[0];
var breakeven = CommitmentEconomics.Breakeven(onDemand, block, HoursPerYearConvention.Calendar8760);
Console.WriteLine($"Breakeven utilisation: {breakeven.Utilization:0.0%} (capacity block {breakeven.Commitment.PerHour.Amount:0.000} / on demand {breakeven.OnDemand.PerHour.Amount:0.000} USD/h).");
Console.WriteLine("A capacity block is paid for every reserved hour; on demand only for the hours used. Reserve if you will use more than the breakeven share of the block.");
Console.WriteLine();
Console.WriteLine($"{"Utilisation",11}  {"On demand USD",14}  {"Block USD",10}  {"Saving",7}  Answer     (one instance, 730 reserved hours)");
foreach (var u in new[] { 0.25, 0.40, 0.45, 0.60, 0.80, 1.00 })
{
    var od = onDemand.Price.CostOf(UnitsNet.Duration.FromHours(730 * u));
    var cb = block.Price.CostOf(UnitsNet.Duration.FromHours(730));
    var saving = CommitmentEconomics.SavingsFraction(onDemand.Price, block.Price, u);
    Console.WriteLine($"{u,11:0%}  {od.Amount,14:#,0.00}  {cb.Amount,10:#,0.00}  {saving,7:0.0%}  {(saving > 0 ? "reserve" : "on demand")}");
}
Console.WriteLine();

// A year of use that ramps up (ASSUMPTION: monthly utilisation of the reserved capacity).
double[] ramp = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8];
var year = CommitmentEconomics.CostUnderProfile(block, onDemand.Price, new LocalDate(2026, 8, 1), ramp, HoursPerYearConvention.Calendar8760);
Console.WriteLine($"Assumed ramp 20% -> 80% over Aug 2026 - Jul 2027: capacity blocks {year.TotalCommitment.Amount:#,0} USD vs on demand {year.TotalOnDemand.Amount:#,0} USD");
Console.WriteLine($"  net saving {year.NetSavings.Amount:#,0} USD ({year.SavingsFraction:0.0%}); months where on demand would have been cheaper: {year.Months.Count(m => m.Savings.Amount < 0)}");
if (block.Provenance.Confidence != Confidence.Vendor)
{
    Console.WriteLine($"Caveat: the capacity-block price's confidence is {block.Provenance.Confidence}, not a vendor price list: check it before you commit.");
}
