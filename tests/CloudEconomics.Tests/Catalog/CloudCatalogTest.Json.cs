using System.Text;
using CloudEconomics.Catalog;

namespace CloudEconomics.Tests.Catalog;

public partial class CloudCatalogTest
{
    [Fact]
    public void Default_RoundTripsThroughJson()
    {
        var json = CloudCatalog.Default.ToJson();
        var reloaded = CloudCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "roundtrip.json");
        reloaded.ToJson().Should().Be(json);
        reloaded.Providers.Should().HaveCount(CloudCatalog.Default.Providers.Count);
        reloaded.Accelerators.Should().HaveCount(CloudCatalog.Default.Accelerators.Count);
        reloaded.Instances.Should().HaveCount(CloudCatalog.Default.Instances.Count);
        reloaded.Offers.Should().BeEquivalentTo(CloudCatalog.Default.Offers);
        var trn2 = reloaded.FindAccelerator("aws-trainium2")!;
        trn2.MemoryCapacity!.Value.Unit.Should().Be(UnitsNet.Units.InformationUnit.Gibibyte, "Neuron docs state 96 GiB (binary)");
        trn2.PeakDense(NumericPrecision.Bf16)!.Value.Teraflops.Should().Be(667);
        trn2.PeakSparse(NumericPrecision.Fp8)!.Value.Teraflops.Should().Be(2563);
    }
}
