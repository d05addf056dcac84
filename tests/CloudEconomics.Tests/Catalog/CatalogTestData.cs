using CloudEconomics.Catalog;
using NodaTime;
using UnitsNet;

namespace CloudEconomics.Tests.Catalog;

/// <summary>Small valid records for validator and catalog tests; each test breaks one rule.</summary>
internal static class CatalogTestData
{
    internal static readonly Provenance Source = Provenance.Of("test: hand-made record", new NodaTime.LocalDate(2026, 1, 1), Confidence.Vendor);

    internal static Provider Provider(string id = "acme") => new() { Id = id, Name = "Acme Cloud", Regions = [new Region { Id = "r1" }] };

    internal static Accelerator Accelerator(string id = "acme-x1") => new()
    {
        Id = id,
        Name = "Acme X1",
        Vendor = "Acme",
        Family = "X",
        Generation = "1",
        Kind = AcceleratorKind.Asic,
        MemoryCapacityFigure = Figure.Known(Information.FromGibibytes(96), Source),
        MemoryBandwidthFigure = Figure.Known(BitRate.FromTerabytesPerSecond(2.9m), Source),
        PeakDenseCompute = new Dictionary<NumericPrecision, Figure<ComputeRate>> { [NumericPrecision.Bf16] = Figure.Known(ComputeRate.FromTeraflops(500), Source) },
    };

    internal static InstanceType Instance(string id = "acme-x1.large", string acceleratorId = "acme-x1", int count = 8) => new()
    {
        Id = id,
        Provider = "acme",
        Name = id,
        AcceleratorId = acceleratorId,
        AcceleratorCount = Figure.Known(count, Source),
    };

    internal static PriceOffer Offer(string id = "o1", string instanceId = "acme-x1.large", decimal price = 10m, LocalDate? from = null, LocalDate? to = null, PurchaseOption? option = null) => new()
    {
        Id = id,
        InstanceId = instanceId,
        Region = "r1",
        Option = option ?? PurchaseOption.OnDemand,
        HourlyPrice = Figure.Known(PricePerHour.Usd(price), Source),
        ValidFrom = from,
        ValidTo = to,
    };

    internal static CloudCatalog Catalog(params PriceOffer[] offers) => CloudCatalog.Create([Provider()], [Accelerator()], [Instance()], offers);
}
