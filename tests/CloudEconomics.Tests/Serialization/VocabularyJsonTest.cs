using System.Text.Json;
using CloudEconomics.Tests.Helpers;
using NodaTime;
using UnitsNet;
using UnitsNet.Units;

namespace CloudEconomics.Tests.Serialization;

public class VocabularyJsonTest
{
    private static readonly JsonSerializerOptions Options = CloudEconomicsJson.CreateOptions();

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!;

    [Fact]
    public void Money_IsObjectWithDecimalAmount()
    {
        var json = JsonSerializer.Serialize(Money.Usd(1234.50m), new JsonSerializerOptions().ConfigureForCloudEconomics());
        json.Should().Be("{\"amount\":1234.50,\"currency\":\"USD\"}");
    }

    [Fact]
    public void Money_RoundTripsExactly()
    {
        // 28 significant digits survive (a double would keep about 17).
        var exact = Money.Usd(1234567890.123456789012345678m);
        RoundTrip(exact).Amount.Should().Be(1234567890.123456789012345678m);
    }

    [Fact]
    public void Prices_CarryTheirUnit()
    {
        var json = JsonSerializer.Serialize(PricePerHour.Usd(98.32m), Options);
        json.Should().Contain("\"per\": \"h\"");
        RoundTrip(PricePerHour.Usd(98.32m)).Should().Be(PricePerHour.Usd(98.32m));
        RoundTrip(PricePerEnergy.UsdPerMegawattHour(-3.5m)).Should().Be(PricePerEnergy.UsdPerMegawattHour(-3.5m));
        RoundTrip(PricePerMillionTokens.Usd(2.731m)).Should().Be(PricePerMillionTokens.Usd(2.731m));
        RoundTrip(new PricePerKilowattMonth(Money.Eur(150m))).Should().Be(new PricePerKilowattMonth(Money.Eur(150m)));
    }

    [Fact]
    public void Price_WithWrongUnit_IsRejected()
    {
        var act = () => JsonSerializer.Deserialize<PricePerHour>("{\"amount\":1,\"currency\":\"USD\",\"per\":\"MWh\"}", Options);
        act.Should().Throw<JsonException>().WithMessage("*per \"h\"*per \"MWh\"*");
    }

    [Fact]
    public void Price_Negative_IsRejectedAsJsonException()
    {
        var act = () => JsonSerializer.Deserialize<PricePerHour>("{\"amount\":-1,\"currency\":\"USD\",\"per\":\"h\"}", Options);
        act.Should().Throw<JsonException>().WithMessage("*must not be negative*");
    }

    [Theory]
    [InlineData("{\"amount\":1,\"currency\":\"QQQ\"}", "not a known ISO 4217")]
    [InlineData("{\"amount\":\"1\",\"currency\":\"USD\"}", "must be a JSON number")]
    [InlineData("{\"currency\":\"USD\"}", "needs \"amount\"")]
    [InlineData("{\"amount\":1}", "needs \"currency\"")]
    [InlineData("{\"amount\":1,\"currency\":\"USD\",\"cents\":3}", "Unexpected property")]
    [InlineData("\"1 USD\"", "must be a JSON object")]
    public void Money_Invalid_IsRejectedWithRule(string json, string rule)
    {
        var act = () => JsonSerializer.Deserialize<Money>(json, Options);
        act.Should().Throw<JsonException>().Where(e => e.Message.Contains(rule));
    }

    [Fact]
    public void Rates_RoundTrip()
    {
        RoundTrip(TokenRate.FromTokensPerSecond(12345.678)).Should().Be(TokenRate.FromTokensPerSecond(12345.678));
        RoundTrip(TokenCount.FromTokens(1e6)).Should().Be(TokenCount.FromTokens(1e6));
        RoundTrip(ComputeRate.FromTeraflops(989.4)).Teraflops.Should().BeApproximately(989.4, 1e-9);
        JsonSerializer.Deserialize<ComputeRate>("{\"value\":2.5,\"unit\":\"PFLOPS\"}", Options).Teraflops.Should().BeApproximately(2500, 1e-9);
    }

    [Fact]
    public void UnitsNetQuantities_KeepTheirUnit()
    {
        // 80 GB and 80 GiB must stay distinct: the difference is 7.4%.
        JsonSerializer.Serialize(Information.FromGigabytes(80), Options).Should().Contain("\"unit\": \"GB\"");
        JsonSerializer.Serialize(Information.FromGibibytes(80), Options).Should().Contain("\"unit\": \"GiB\"");
        RoundTrip(Information.FromGibibytes(96)).Unit.Should().Be(InformationUnit.Gibibyte);
        RoundTrip(UnitsNet.Power.FromWatts(700)).Watts.Should().Be(700);
        RoundTrip(Energy.FromMegawattHours(7056)).MegawattHours.Should().Be(7056);
        ((double)RoundTrip(BitRate.FromTerabytesPerSecond(3.35)).TerabytesPerSecond).Should().BeApproximately(3.35, 1e-12);
        ((double)JsonSerializer.Deserialize<UnitsNet.Power>("{\"value\":1.92,\"unit\":\"GW\"}", Options).Megawatts).Should().BeApproximately(1920, 1e-9);
    }

    [Fact]
    public void UnitsNetQuantity_UnknownUnit_IsRejected()
    {
        var act = () => JsonSerializer.Deserialize<UnitsNet.Power>("{\"value\":1,\"unit\":\"MWh\"}", Options);
        act.Should().Throw<JsonException>().WithMessage("*\"MWh\" is not a unit of Power*");
    }

    [Fact]
    public void NodaTimeDates_AreIso()
        => JsonSerializer.Serialize(new LocalDate(2025, 6, 1), Options).Should().Be("\"2025-06-01\"");

    [Fact]
    public void Serialization_DoesNotDependOnCulture()
    {
        var value = new { price = PricePerHour.Usd(1234.5m), power = UnitsNet.Power.FromKilowatts(1.5) };
        var invariant = JsonSerializer.Serialize(value, Options);
        TestHelper.InCulture("de-DE", () => JsonSerializer.Serialize(value, Options)).Should().Be(invariant);
        TestHelper.InCulture("tr-TR", () => JsonSerializer.Serialize(value, Options)).Should().Be(invariant);
    }
}
