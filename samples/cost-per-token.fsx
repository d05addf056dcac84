// F# script: dotnet fsi samples/cost-per-token.fsx
// The core story: the catalog ranked by price per dense BF16 PFLOP-hour, cost per million tokens of Llama 3.1 70B across
// offers, custom silicon vs GPU like for like, and an owned cluster's TCO and payback. Prices as of a fixed date.
#r "nuget: CloudEconomics, 0.1.0"

open System
open System.Globalization
open NodaTime
open CloudEconomics
open CloudEconomics.Catalog
open CloudEconomics.Inference
open CloudEconomics.Ownership
open CloudEconomics.Power

CultureInfo.CurrentCulture <- CultureInfo.InvariantCulture
let asOf = LocalDate(2026, 7, 20)
let catalog = CloudCatalog.Default.AsOf asOf

// 1. Price per dense BF16 PFLOP-hour: the five cheapest offers.
let ranking = catalog.Rank CatalogMetric.PricePerDensePetaflopHour
printfn "Cheapest dense BF16 compute, %s, prices valid on %s:" ranking.Unit (asOf.ToString("uuuu-MM-dd", null))
for r in ranking.Ranked |> Seq.truncate 5 do
    printfn "  %d. %-26s %-17s %-12s %8.4f" r.Rank r.Instance.Name (string r.Offer.Option) r.Offer.Region r.Value.Amount

// 2. Cost per million tokens of Llama 3.1 70B. ASSUMPTION: 2,000 prompt + 500 output tokens, batch 64, 60% utilisation.
let model = ModelLibrary.Default.["llama-3.1-70b"]
let workload = Workload(PromptTokens = TokenCount.FromTokens(2000.0), OutputTokens = TokenCount.FromTokens(500.0), BatchSize = 64, Utilization = 0.6)
let offers, skipped = CloudCatalog.Default.ToInferenceOffers(Nullable asOf, Nullable Currency.Usd)
let ranked = OfferRanking.Rank(model, workload, offers) |> Seq.filter (fun r -> r.Rank.HasValue) |> List.ofSeq
printfn ""
printfn "%s, blended USD per 1M tokens (calibrated roofline), %d offers ranked, %d skipped:" model.Name ranked.Length skipped.Count
for r in ranked |> List.truncate 5 do
    printfn "  %d. %-26s %-17s %7.2f USD/h %8.4f USD/1M" r.Rank.Value r.Offer.InstanceType (string r.Offer.PurchaseOption) r.Offer.Price.PerHour.Amount r.Cost.Blended.PerMillionTokens.Amount

// 3. Custom silicon vs GPU, like for like: AWS on demand, us-east-1.
let aws = offers |> Seq.filter (fun o -> o.Provider = ProviderId.Aws && o.PurchaseOption = PurchaseOption.OnDemand && o.Region = "us-east-1")
let cmp = CustomSiliconComparison.Compare(model, workload, aws)
printfn ""
printfn "Custom silicon vs GPU (AWS on demand, us-east-1): %s %.4f vs %s %.4f USD/1M tokens, ratio %.3f"
    cmp.CustomSilicon.Offer.InstanceType cmp.CustomSilicon.Cost.Blended.PerMillionTokens.Amount
    cmp.Gpu.Offer.InstanceType cmp.Gpu.Cost.Blended.PerMillionTokens.Amount cmp.Ratio

// 4. An owned 1,024 x H100-class cluster. Capex and opex are ILLUSTRATIVE ASSUMPTIONS, not data.
let power = PowerReferenceData.Default
let cluster =
    OwnedCluster(
        Name = "1,024 x H100-class (illustrative)",
        CommissioningDate = LocalDate(2026, 1, 1),
        AcceleratorsPerServer = 8,
        ServerPrice = Money.Usd 250_000m,                   // assumption
        NetworkingShareOfServerCapex = Nullable 0.15,       // assumption
        FacilityCapexPerMegawatt = Money.Usd 10_000_000m,   // assumption
        FacilityUsefulLifeYears = 20,
        UsefulLifeYears = 5,                                // assumption
        Financing = ClusterFinancing(CostOfCapital = 0.08), // assumption
        EnergyPrice = power.ElectricityPriceById("us-industrial-2025").Price, // sourced: US industrial average 2025
        MaintenanceRate = 0.03,                             // assumption
        StaffCostPerYear = Nullable(Money.Usd 1_000_000m),  // assumption
        Facility =
            Facility(
                ItCapacity = UnitsNet.Power.FromKilowatts 1_100.0,
                Pue = float (power.PueById("aws-2025").Pue.Value.Value), // sourced: AWS fleet 2025
                Utilization = 0.8,                          // assumption
                Accelerators = AcceleratorFleet(Count = 1_024, MaxPower = UnitsNet.Power.FromWatts 700.0, IdlePower = UnitsNet.Power.FromWatts 100.0, ServerOverheadFactor = 1.5)))
let tco = ClusterTco.Calculate cluster
let p5 = catalog.OffersFor(catalog.GetInstance "p5.48xlarge", PurchaseOptionKind.OnDemand, "us-east-1") |> Seq.exactlyOne
let vsRent = tco.CompareWithOffer(p5, catalog)
printfn ""
printfn "%s: capex %s USD, TCO %.4f USD per accelerator-hour (%.4f per busy hour)"
    cluster.Name (tco.Capex.Total.Amount.ToString "#,0") tco.PerAcceleratorHour.Amount tco.PerUtilizedAcceleratorHour.Value.Amount
for c in tco.Components |> Seq.filter (fun c -> not c.Total.IsZero) do
    printfn "  %-13s %8.4f USD per accelerator-hour" (string c.Kind) c.PerAcceleratorHour.Amount
printfn "p5.48xlarge on demand: %.2f USD per GPU-hour; owning costs %.2f x renting" vsRent.RentalPerAcceleratorHour.PerHour.Amount vsRent.OwnedToRentalRatio

// 5. Renting it out at 2.20 USD per GPU-hour (assumption): payback and IRR.
let returns = RentalReturns.Evaluate(cluster, PricePerHour.Usd 2.20m)
let irr = if returns.InternalRateOfReturn.HasValue then returns.InternalRateOfReturn.Value.ToString "0.0%" else "none"
printfn "Renting out at 2.20 USD/GPU-h: payback %O, IRR %s" returns.Payback irr
