using System.Text.Json;
using CloudEconomics.Catalog;
using CloudEconomics.Inference;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public class ProviderIdTest
{
    [Fact]
    public void WellKnownIds_AreTheDefaultCatalogsProviders()
    {
        // seeds/catalog/providers.json lists aws, azure and gcp.
        var ids = CloudCatalog.Default.Providers.Select(ProviderId.Of).ToList();
        ids.Should().Contain([ProviderId.Aws, ProviderId.Azure, ProviderId.GoogleCloud]);
        ProviderId.Aws.Value.Should().Be("aws");
        ProviderId.GoogleCloud.ToString().Should().Be("gcp");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" aws")]
    [InlineData("my provider")]
    [InlineData("-aws")]
    public void InvalidId_Throws_NamingTheRule(string id)
    {
        var act = () => new ProviderId(id);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "value" && e.Message.Contains("letters, digits and . _ / : - only"));
    }

    [Fact]
    public void Equality_IsOrdinal()
    {
        new ProviderId("lambda").Should().Be(new ProviderId("lambda"));
        (new ProviderId("lambda") == new ProviderId("Lambda")).Should().BeFalse();
        new ProviderId("aws").GetHashCode().Should().Be(ProviderId.Aws.GetHashCode());
        default(ProviderId).ToString().Should().BeEmpty();
    }

    [Fact]
    public void Json_IsAPlainString()
    {
        JsonSerializer.Serialize(ProviderId.Azure).Should().Be("\"azure\"");
        JsonSerializer.Deserialize<ProviderId>("\"nebius\"").Should().Be(new ProviderId("nebius"));
        var act = () => JsonSerializer.Deserialize<ProviderId>("\"not an id\"");
        act.Should().Throw<JsonException>().Where(e => e.Message.Contains("provider id"));
    }

    [Fact]
    public void CatalogOffers_CarryTheProviderIdAndName_AndTheCatalogsPurchaseOption()
    {
        // seeds/catalog: aws-p5.48xlarge is an aws instance ("Amazon Web Services"); its us-east-1 on-demand offer.
        var offers = CloudCatalog.Default.ToInferenceOffers(new LocalDate(2026, 7, 20), Currency.Usd, out _);
        var p5 = offers.First(o => o.InstanceType == "p5.48xlarge" && o.PurchaseOption == PurchaseOption.OnDemand && o.Region == "us-east-1");
        p5.Provider.Should().Be(ProviderId.Aws);
        p5.ProviderName.Should().Be("Amazon Web Services");
        p5.PurchaseOption.Kind.Should().Be(PurchaseOptionKind.OnDemand);
        p5.ToString().Should().StartWith("Amazon Web Services p5.48xlarge (8 x ").And.Contain(" on-demand ");
    }

    [Fact]
    public void OfferWithoutProvider_IsRefusedByTheValidator()
    {
        var offer = new InferenceOffer
        {
            Id = "x", Provider = default, InstanceType = "x", Accelerator = CloudEconomics.Tests.Inference.Specs.H100, AcceleratorCount = 1,
            Price = PricePerHour.Usd(1m), PurchaseOption = PurchaseOption.OnDemand,
        };
        InferenceOfferValidator.Instance.Validate(offer).Errors.Should().ContainSingle(e => e.PropertyName == "Provider");
    }

    [Theory]
    [InlineData("Advanced Micro Devices", "Advanced-Micro-Devices")]
    [InlineData("NVIDIA", "NVIDIA")]
    [InlineData(" (Google)", "Google-")]
    public void FromVendorName_ReplacesWhatAnIdCannotHold(string name, string id)
    {
        // An accelerator-only offer is sold by its chip's vendor, whose name need not be an id: spaces and brackets become
        // "-", leading ones are dropped.
        ProviderId.TryFromName(name, out var result).Should().BeTrue();
        result.Value.Should().Be(id);
    }

    [Fact]
    public void FromVendorName_WithoutALetterOrDigit_IsNoId()
        => ProviderId.TryFromName(" - ", out _).Should().BeFalse();
}
