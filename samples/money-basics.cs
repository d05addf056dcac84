// A .NET 10 file-based app: run with `dotnet run samples/money-basics.cs` (add
// `-p:RestoreAdditionalProjectSources=<folder>` to use a locally packed CloudEconomics).
#:package CloudEconomics@0.1.0
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=true

using CloudEconomics;
using UnitsDuration = UnitsNet.Duration;

// p5.48xlarge, us-east-1 on demand after the June 2025 price cut (AWS Pricing API snapshot, see seeds/catalog).
var p5 = PricePerHour.Usd(55.04m);
Money month = p5 * UnitsDuration.FromHours(730);
Console.WriteLine($"p5.48xlarge for 730 h: {month}");
Console.WriteLine($"per GPU-hour (8 GPUs): {p5 / 8m}");
var perMillion = p5 / TokenRate.FromTokensPerSecond(10_000);
Console.WriteLine($"at 10,000 tokens/s: {perMillion.ToString("F4", null)}");
try
{
    _ = Money.Usd(1m) + Money.Eur(1m);
}
catch (CurrencyMismatchException e)
{
    Console.WriteLine($"mixing currencies: {e.Message}");
}
