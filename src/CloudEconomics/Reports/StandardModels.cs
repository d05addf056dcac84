using System.Globalization;
using CloudEconomics.Capital;
using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using CloudEconomics.Power;
using NodaTime;
using CloudEconomics.Analysis;
using CloudEconomics.Data;

namespace CloudEconomics.Reports;

/// <summary>A named scenario model with a description and every assumption behind its base values and ranges.</summary>
/// <param name="Name">The model's name, as <see cref="StandardModels.Names"/> lists it.</param>
/// <param name="Description">What the output means, in one sentence.</param>
/// <param name="Model">The model (inputs with base values, ranges and distributions; the output function).</param>
/// <param name="Assumptions">Where each base value, range and distribution comes from; figures that are not data are marked ASSUMPTION.</param>
public sealed record StandardModel(string Name, string Description, ScenarioModel Model, IReadOnlyList<string> Assumptions);

/// <summary>
/// Ready-made scenario models over the library's calculators, built from a <see cref="ScenarioFile"/>'s assumptions and
/// the catalog: inputs with base values, sensitivity ranges and Monte Carlo distributions, for
/// <see cref="Sensitivity.Tornado"/>, <see cref="Breakeven.FindBreakeven(ScenarioModel, ScenarioInput, double)"/> and
/// <see cref="MonteCarlo.Simulate"/>.
/// </summary>
/// <remarks>
/// <para><b><see cref="TokenRatioName"/></b>: custom silicon / GPU blended cost per million tokens, the seed report's
/// like-for-like comparison (AWS on-demand offers valid on the scenario's price date in its region, the cheapest
/// custom-silicon and H100/H200 offers chosen by <see cref="CustomSiliconComparison.Compare"/>). Each side's throughput
/// is a <see cref="Roofline"/> estimate at that side's MFU and MBU on the layout chosen at the base case, and its cost
/// is <see cref="TokenCost.ForEstimate"/> at that side's price and utilisation. At the base values the output equals
/// the report's ratio.</para>
/// <para><b><see cref="ClusterPaybackName"/></b>: months until one owned 8-GPU H100-class server that rents out its
/// GPUs recovers its capex. Monthly net cash = rental price x (1 - annual decline)^((month - 1) / 12) x 8 GPUs x 730 h x
/// utilisation - energy (facility kWh per GPU-hour from <see cref="EnergyModel.EnergyPerAcceleratorHour(Facility)"/> at
/// the utilisation x 8 x 730 h x power price) - maintenance (3% of capex a year / 12); payback by
/// <see cref="ScenarioKernels.Payback"/> (interpolated inside the recovering month) over <see cref="ClusterPaybackHorizonMonths"/>
/// months; a server that has not paid back by then gives the horizon. Before tax, no financing, no terminal value.</para>
/// </remarks>
public static class StandardModels
{
    /// <summary>The name of the custom-silicon vs GPU cost-per-token ratio model.</summary>
    public const string TokenRatioName = "token-ratio";

    /// <summary>The name of the owned-server payback model.</summary>
    public const string ClusterPaybackName = "cluster-payback";

    /// <summary>
    /// The cluster-payback horizon: 120 months (ten years). A server that has not paid back by then gives this value,
    /// which the model declares as its <see cref="ScenarioModel.NotReached"/> output ("not paid back within 120 months"),
    /// so Monte Carlo reports the share of such draws as <see cref="SimulationResult.ProbabilityNotReached"/>.
    /// </summary>
    public const int ClusterPaybackHorizonMonths = 120;

    /// <summary>Hours in a month of the cluster-payback model: 8,760 / 12 = 730 (<see cref="HoursPerYearConvention.Calendar8760"/>).</summary>
    public const double HoursPerMonth = 730d;

    /// <summary>GPUs per server in the cluster-payback model (an HGX H100 board).</summary>
    public const int GpusPerServer = 8;

    /// <summary>ASSUMPTION: all-in capex of one 8-GPU H100-class server (server, its share of networking and installation), USD. Purchase prices are not in the reference data.</summary>
    public const double AssumedServerCapexUsd = 250_000d;

    /// <summary>ASSUMPTION: annual maintenance as a share of capex (3%).</summary>
    public const double AssumedMaintenanceRate = 0.03;

    /// <summary>ASSUMPTION: an H100's idle draw, 100 W (the catalog gives the 700 W TDP, not the idle draw).</summary>
    public const double AssumedIdleWatts = 100d;

    /// <summary>The PUE record of the reference data the cluster-payback model and the <c>tco</c> command use: the Uptime Institute industry average (an owned server is not in a hyperscaler's fleet).</summary>
    public const string PueRecordId = "uptime-industry-2023";

    /// <summary>The catalog id of the H100 whose TDP the cluster-payback model uses.</summary>
    public const string H100AcceleratorId = "nvidia-h100-sxm";

    /// <summary>The electricity price record of the power reference data the cluster-payback model and the <c>tco</c> command use when no price is given: the US industrial average retail price.</summary>
    public const string ElectricityRecordId = "us-industrial-2025";

    /// <summary>The GPU instance the cluster-payback model rents out against, and the <c>tco</c> command compares with, when the scenario names none: AWS p5.48xlarge (8 x H100 SXM).</summary>
    public const string GpuInstanceName = "p5.48xlarge";

    /// <summary>The models' names: <see cref="TokenRatioName"/> and <see cref="ClusterPaybackName"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [TokenRatioName, ClusterPaybackName];

    /// <summary>Builds a model by name.</summary>
    /// <param name="name">One of <see cref="Names"/> (case-insensitive).</param>
    /// <param name="scenario">The scenario whose assumptions set the base values; <see cref="ScenarioFile.Default"/> when null.</param>
    /// <param name="catalog">The catalog; <see cref="CloudCatalog.Default"/> when null.</param>
    /// <param name="priceAsOf">The price date; the scenario's catalog price date, then its assumptions' date, then its as-of date, when null.</param>
    /// <returns>The model with its assumptions.</returns>
    /// <exception cref="ArgumentException">The name is not a standard model (parameter <c>name</c>), or the catalog lacks what the model needs.</exception>
    public static StandardModel Create(string name, ScenarioFile? scenario = null, CloudCatalog? catalog = null, LocalDate? priceAsOf = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, TokenRatioName, StringComparison.OrdinalIgnoreCase))
        {
            return TokenRatio(scenario, catalog, priceAsOf);
        }
        if (string.Equals(name, ClusterPaybackName, StringComparison.OrdinalIgnoreCase))
        {
            return ClusterPayback(scenario, catalog, priceAsOf);
        }
        throw new ArgumentException($"Model must be one of {string.Join(", ", Names)}; it was '{name}'.", nameof(name));
    }

    private static LocalDate PriceDate(ScenarioFile scenario, LocalDate? priceAsOf)
        => priceAsOf ?? scenario.Assumptions?.Catalog?.PriceAsOf ?? scenario.Assumptions?.AsOf ?? scenario.AsOf;

    private static string D(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// The custom silicon / GPU blended cost-per-million-token ratio (see the type's remarks). Inputs: each side's
    /// deployment price (USD/h; range +-20%, no distribution: list prices), MFU (range +-20%; PERT 0.3/0.5/0.7),
    /// MBU (range +-20%; PERT 0.5/0.7/0.9) and utilisation (range +-20%; PERT 0.3/base/0.9). The ranges and
    /// distributions are ASSUMPTIONS around each chip's calibrated factors (<see cref="CalibratedEfficiency"/>) and the
    /// seed report's workload.
    /// </summary>
    /// <param name="scenario">The scenario; <see cref="ScenarioFile.Default"/> when null.</param>
    /// <param name="catalog">The catalog; <see cref="CloudCatalog.Default"/> when null.</param>
    /// <param name="priceAsOf">The price date; see <see cref="Create"/>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The scenario's model is not in the model library, or no custom-silicon or GPU offer can serve it.</exception>
    public static StandardModel TokenRatio(ScenarioFile? scenario = null, CloudCatalog? catalog = null, LocalDate? priceAsOf = null)
    {
        scenario ??= ScenarioFile.Default;
        catalog ??= CloudCatalog.Default;
        var date = PriceDate(scenario, priceAsOf);
        var tokenAssumptions = scenario.Assumptions?.TokenCost;
        var modelId = tokenAssumptions?.ModelId ?? "llama-3.1-70b";
        var region = tokenAssumptions?.Region ?? "us-east-1";
        if (!ModelLibrary.Default.TryGet(modelId, out var llm))
        {
            throw new ArgumentException($"The scenario's token-cost model '{modelId}' is not in the model library.", nameof(scenario));
        }
        var workload = SeedReportOptions.Default.Workload;
        if (tokenAssumptions?.Utilization?.Value is { } su)
        {
            workload = workload with { Utilization = (double)su.Amount };
        }
        var offers = catalog.ToInferenceOffers(date, Currency.Usd, out _)
            .Where(o => o.Provider == ProviderId.Aws && o.PurchaseOption.Kind == PurchaseOptionKind.OnDemand && o.Region == region)
            .ToList();
        var comparison = CustomSiliconComparison.Compare(llm, workload, offers);
        var custom = comparison.CustomSilicon;
        var gpu = comparison.Gpu;
        var customEff = custom.Estimate!.Efficiency;
        var gpuEff = gpu.Estimate!.Efficiency;
        var customDeployment = custom.Estimate!.Deployment;
        var gpuDeployment = gpu.Estimate!.Deployment;
        double customPrice = DeploymentPrice(custom.Offer, customDeployment);
        double gpuPrice = DeploymentPrice(gpu.Offer, gpuDeployment);

        var b = new ScenarioModelBuilder(TokenRatioName, "ratio");
        var cPrice = b.Input("custom price", "USD/h", customPrice, customPrice * 0.8, customPrice * 1.2);
        var gPrice = b.Input("GPU price", "USD/h", gpuPrice, gpuPrice * 0.8, gpuPrice * 1.2);
        static Distribution Around(double low, double mode, double high) => Distribution.Pert(Math.Min(low, mode * 0.8), mode, Math.Max(high, Math.Min(1, mode * 1.2)));
        var cMfu = b.Input("custom MFU", "ratio", customEff.Mfu, customEff.Mfu * 0.8, Math.Min(1, customEff.Mfu * 1.2), Around(0.3, customEff.Mfu, 0.7));
        var gMfu = b.Input("GPU MFU", "ratio", gpuEff.Mfu, gpuEff.Mfu * 0.8, Math.Min(1, gpuEff.Mfu * 1.2), Around(0.3, gpuEff.Mfu, 0.7));
        var cMbu = b.Input("custom MBU", "ratio", customEff.Mbu, customEff.Mbu * 0.8, Math.Min(1, customEff.Mbu * 1.2), Around(0.5, customEff.Mbu, 0.9));
        var gMbu = b.Input("GPU MBU", "ratio", gpuEff.Mbu, gpuEff.Mbu * 0.8, Math.Min(1, gpuEff.Mbu * 1.2), Around(0.5, gpuEff.Mbu, 0.9));
        double u = workload.Utilization;
        var cUtil = b.Input("custom utilisation", "ratio", u, u * 0.8, Math.Min(1, u * 1.2), Distribution.Pert(Math.Min(0.3, u), u, Math.Max(0.9, u)));
        var gUtil = b.Input("GPU utilisation", "ratio", u, u * 0.8, Math.Min(1, u * 1.2), Distribution.Pert(Math.Min(0.3, u), u, Math.Max(0.9, u)));

        double Blended(double price, double mfu, double mbu, double utilization, InferenceDeployment deployment, EfficiencyFactors baseFactors)
        {
            var eff = baseFactors with { Mfu = mfu, Mbu = mbu };
            var w = workload with { Utilization = utilization };
            if (!Roofline.TryEstimateValidated(llm, w, deployment, out var estimate, eff))
            {
                throw new ArgumentException($"{llm.Name} does not fit {deployment}: {estimate.Fit.Reason}");
            }
            return (double)TokenCost.ForEstimate(new PricePerHour(Money.FromDouble(price, Currency.Usd)), estimate).Blended.PerMillionTokens.Amount;
        }

        var model = b.Build(v =>
            Blended(v[cPrice], v[cMfu], v[cMbu], v[cUtil], customDeployment, customEff) / Blended(v[gPrice], v[gMfu], v[gMbu], v[gUtil], gpuDeployment, gpuEff));

        var assumptions = new List<string>
        {
            $"basis: AWS on-demand offers valid on {CloudEconomics.Serialization.IsoDate.Format(date)} in {region}, the seed report's like-for-like comparison",
            $"custom silicon: {custom.Offer.InstanceType} as {customDeployment}; price {OfferRanking.PriceProvenance(custom.Offer)}",
            $"GPU: {gpu.Offer.InstanceType} as {gpuDeployment}; price {OfferRanking.PriceProvenance(gpu.Offer)}",
            $"model {llm.Id}; workload {workload}; throughput: roofline estimate from data-sheet peaks at each side's MFU and MBU (layouts fixed at the base case)",
            $"base MFU and MBU: each chip's calibrated factors (seeds/calibration): custom {D(customEff.Mfu)} / {D(customEff.Mbu)}, GPU {D(gpuEff.Mfu)} / {D(gpuEff.Mbu)}; base utilisation {D(u)}: the seed report's workload (ASSUMPTION)",
            "ranges: base +-20% (MFU, MBU, utilisation capped at 1); prices are list prices and carry no distribution (ASSUMPTION)",
            "distributions (ASSUMPTION): MFU PERT(0.3, base, 0.7); MBU PERT(0.5, base, 0.9) (bounds widened to include base x0.8 and base x1.2 when the calibrated base lies outside); utilisation PERT(0.3, base, 0.9); the two sides drawn independently",
        };
        return new StandardModel(TokenRatioName, "custom silicon / GPU blended cost per million tokens (below 1: custom silicon is cheaper)", model, assumptions);
    }

    private static double DeploymentPrice(InferenceOffer offer, InferenceDeployment deployment)
        => (double)(offer.PricedPerChip ? offer.Price.PerHour.Amount * deployment.AcceleratorCount : offer.Price.PerHour.Amount);

    /// <summary>
    /// Months to payback of one owned 8-GPU H100-class server renting out its GPUs (see the type's remarks). Inputs:
    /// capex (ASSUMPTION 250,000 USD; PERT 200,000/250,000/350,000), rental price per GPU-hour (base: the scenario's GPU
    /// instance on-demand price / 8 on the price date; range a quarter of it to all of it; triangular with mode half of it,
    /// an ASSUMPTION that owned capacity rents below hyperscaler list prices), utilisation (base the scenario's expected
    /// utilisation or 0.6; PERT 0.3/base/0.9), power price (base the scenario's electricity price; PERT half/base/double)
    /// and annual rental price decline (base derived from the catalog's on-demand price history of the GPU instance;
    /// PERT 0/base/double, at most 0.6).
    /// </summary>
    /// <param name="scenario">The scenario; <see cref="ScenarioFile.Default"/> when null.</param>
    /// <param name="catalog">The catalog; <see cref="CloudCatalog.Default"/> when null.</param>
    /// <param name="priceAsOf">The price date; see <see cref="Create"/>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The catalog has no on-demand price for the GPU instance on the date, or no TDP for the H100.</exception>
    public static StandardModel ClusterPayback(ScenarioFile? scenario = null, CloudCatalog? catalog = null, LocalDate? priceAsOf = null)
    {
        scenario ??= ScenarioFile.Default;
        catalog ??= CloudCatalog.Default;
        var date = PriceDate(scenario, priceAsOf);
        var region = scenario.Assumptions?.Catalog?.Region ?? scenario.Assumptions?.TokenCost?.Region ?? "us-east-1";
        var instanceName = scenario.Assumptions?.TokenCost?.GpuInstance ?? GpuInstanceName;
        var instance = catalog.FindInstance(instanceName)
            ?? throw new ArgumentException($"The scenario's GPU instance '{instanceName}' is not in the catalog.", nameof(scenario));
        int perInstance = instance.Accelerators
            ?? throw new ArgumentException($"Instance '{instanceName}' has no known accelerator count.", nameof(scenario));
        var history = catalog.OffersFor(instance, PurchaseOptionKind.OnDemand, region)
            .Where(o => o.ValidFrom.HasValue && o.HourlyPrice.Value is { } p && p.Currency == Currency.Usd && o.ValidFrom <= date)
            .OrderBy(o => o.ValidFrom)
            .ToList();
        var current = history.LastOrDefault(o => o.ValidTo is null || o.ValidTo >= date)
            ?? throw new ArgumentException($"The catalog has no USD on-demand price for {instanceName} in {region} valid on {CloudEconomics.Serialization.IsoDate.Format(date)}.", nameof(catalog));
        double rental = (double)current.HourlyPrice.Value!.Value.PerHour.Amount / perInstance;
        var first = history[0];
        double days = Period.Between(first.ValidFrom!.Value, date, PeriodUnits.Days).Days;
        double firstPrice = (double)first.HourlyPrice.Value!.Value.PerHour.Amount / perInstance;
        // Annualised decline from the first listed price to the price on the date: 1 - (p1 / p0)^(365.25 / days).
        double decline = days >= 365 && rental < firstPrice ? 1 - Math.Pow(rental / firstPrice, 365.25 / days) : 0.15;
        string declineSource = days >= 365 && rental < firstPrice
            ? string.Create(CultureInfo.InvariantCulture, $"derived: {instanceName} on-demand {firstPrice * perInstance:0.##} USD/h from {CloudEconomics.Serialization.IsoDate.Format(first.ValidFrom)} to {rental * perInstance:0.##} on {CloudEconomics.Serialization.IsoDate.Format(date)}, 1 - ({rental * perInstance:0.##} / {firstPrice * perInstance:0.##})^(365.25 / {days:0}) = {decline:0.####} a year")
            : "ASSUMPTION 0.15 a year (the catalog has no price history to derive it from)";

        var h100 = catalog.FindAccelerator(H100AcceleratorId)
            ?? throw new ArgumentException($"The catalog has no accelerator '{H100AcceleratorId}'.", nameof(catalog));
        var tdp = h100.ThermalDesignPowerFigure.Value
            ?? throw new ArgumentException($"The catalog has no TDP for '{H100AcceleratorId}'.", nameof(catalog));
        var pueRecord = PowerReferenceData.Default.PueById(PueRecordId);
        double pue = (double)(pueRecord.Pue.Value ?? throw new ArgumentException($"PUE record '{PueRecordId}' has no value."));
        var electricity = scenario.Assumptions?.Power?.ElectricityPrice;
        double power = electricity?.Value is { } ev ? (double)ev.Amount : (double)PowerReferenceData.Default.ElectricityPriceById(ElectricityRecordId).UsdPerKilowattHour.Value!.Value;
        double utilization = scenario.Assumptions?.Catalog?.ExpectedUtilization?.Value is { } eu ? (double)eu.Amount : SeedReportOptions.Default.Workload.Utilization;

        Facility FacilityAt(double u) => new()
        {
            Name = "one HGX server",
            ItCapacity = UnitsNet.Power.FromWatts(GpusPerServer * (double)tdp.Watts),
            Pue = pue,
            Accelerators = new AcceleratorFleet { Name = h100.Name, Count = GpusPerServer, MaxPower = tdp, IdlePower = UnitsNet.Power.FromWatts(AssumedIdleWatts) },
            Utilization = u,
        };
        // Facility energy per GPU-hour is linear in utilisation (the fleet's idle-to-TDP line x PUE): evaluate the library at 0 and 1 once.
        double kwhIdle = EnergyModel.EnergyPerAcceleratorHour(FacilityAt(0)).KilowattHours;
        double kwhFull = EnergyModel.EnergyPerAcceleratorHour(FacilityAt(1)).KilowattHours;

        var b = new ScenarioModelBuilder(ClusterPaybackName, "months");
        var capex = b.Input("capex", "USD/server", AssumedServerCapexUsd, Distribution.Pert(200_000, AssumedServerCapexUsd, 350_000));
        var price = b.Input("rental price", "USD/GPU-h", rental, rental * 0.25, rental, Distribution.Triangular(rental * 0.25, rental * 0.5, rental));
        var util = b.Input("utilisation", "ratio", utilization, Distribution.Pert(Math.Min(0.3, utilization), utilization, Math.Max(0.9, utilization)));
        var powerPrice = b.Input("power price", "USD/kWh", power, Distribution.Pert(power * 0.5, power, power * 2));
        var declineInput = b.Input("price decline", "per year", decline, Distribution.Pert(0, decline, Math.Min(0.6, Math.Max(2 * decline, decline + 0.01))));

        const int periods = ClusterPaybackHorizonMonths + 1;
        var model = b.Build(v =>
        {
            double c = v[capex], p = v[price], u = v[util], e = v[powerPrice], d = v[declineInput];
            double gpuHours = GpusPerServer * HoursPerMonth;
            double opex = gpuHours * (kwhIdle + u * (kwhFull - kwhIdle)) * e + c * AssumedMaintenanceRate / 12;
            double monthly = Math.Pow(1 - d, 1d / 12d);
            Span<double> flows = stackalloc double[periods];
            flows[0] = -c;
            double rate = p;
            for (int m = 1; m < periods; m++)
            {
                flows[m] = gpuHours * u * rate - opex;
                rate *= monthly;
            }
            Span<double> months = stackalloc double[1];
            Span<bool> reached = stackalloc bool[1];
            ScenarioKernels.Payback(flows, periods, months, reached);
            return months[0];
        }, new NotReachedOutput(ClusterPaybackHorizonMonths, $"not paid back within {ClusterPaybackHorizonMonths} months"));

        var assumptions = new List<string>
        {
            $"one server of {GpusPerServer} x {h100.Name}, TDP {D((double)tdp.Watts)} W (catalog: {h100.ThermalDesignPowerFigure.Provenance.Source}); idle {D(AssumedIdleWatts)} W (ASSUMPTION)",
            $"capex {AssumedServerCapexUsd.ToString("#,0", CultureInfo.InvariantCulture)} USD per server, PERT(200,000, 250,000, 350,000) (ASSUMPTION: purchase prices are not in the reference data)",
            $"rental price base {D(rental)} USD per GPU-hour: {instanceName} on-demand {OfferSource(current)} / {perInstance}; range and triangular distribution from a quarter to all of it, mode half (ASSUMPTION: owned capacity rents below list)",
            $"utilisation base {D(utilization)} ({(scenario.Assumptions?.Catalog?.ExpectedUtilization?.Value is null ? "the seed report's workload, ASSUMPTION" : "the scenario's expected utilisation")}), PERT(0.3, base, 0.9) (ASSUMPTION)",
            $"power price base {D(power)} USD/kWh ({electricity?.Provenance.Source ?? "reference data us-industrial-2025"}), PERT(half, base, double) (ASSUMPTION)",
            $"price decline base {D(decline)} a year ({declineSource}), PERT(0, base, double) (ASSUMPTION)",
            $"PUE {D(pue)} ({pueRecord.Name}: {pueRecord.Pue.Provenance.Source}); maintenance {D(AssumedMaintenanceRate)} of capex a year (ASSUMPTION); {D(HoursPerMonth)} h a month",
            $"payback interpolated inside the recovering month, capped at {ClusterPaybackHorizonMonths} months (= not within ten years); before tax, no financing, no terminal value",
        };
        return new StandardModel(ClusterPaybackName, $"months until one owned {GpusPerServer}-GPU H100-class server renting out its GPUs recovers its capex (capped at {ClusterPaybackHorizonMonths})", model, assumptions);
    }

    private static string OfferSource(PriceOffer offer)
        => string.Create(CultureInfo.InvariantCulture, $"{offer.HourlyPrice.Value} from {CloudEconomics.Serialization.IsoDate.Format(offer.ValidFrom)} ({offer.HourlyPrice.Provenance.Source})");
}
