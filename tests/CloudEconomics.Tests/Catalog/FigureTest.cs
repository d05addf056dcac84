using System.Text.Json;
using CloudEconomics.Catalog;
using UnitsNet;

namespace CloudEconomics.Tests.Catalog;

public class FigureTest
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = CloudEconomicsJson.CreateOptions();
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        return options;
    }

    [Fact]
    public void Quantity_RoundTrips_WithProvenanceBeside()
    {
        const string json = """{"value":96,"unit":"GiB","source":"neuron docs","asOf":"2026-11-29","confidence":"vendor","note":"96 GiB"}""";
        var figure = JsonSerializer.Deserialize<Figure<Information>>(json, Options)!;
        figure.Value!.Value.Unit.Should().Be(UnitsNet.Units.InformationUnit.Gibibyte);
        figure.Provenance.Should().Be(Provenance.Of("neuron docs", new NodaTime.LocalDate(2026, 11, 29), Confidence.Vendor, "96 GiB"));
        JsonSerializer.Serialize(figure, new JsonSerializerOptions(Options) { WriteIndented = false }).Should().Be(json);
    }

    [Fact]
    public void Price_RoundTrips()
    {
        const string json = """{"amount":55.04,"currency":"USD","per":"h","source":"s","asOf":"2026-07-20","confidence":"vendor"}""";
        var figure = JsonSerializer.Deserialize<Figure<PricePerHour>>(json, Options)!;
        figure.Value.Should().Be(PricePerHour.Usd(55.04m));
        JsonSerializer.Serialize(figure, new JsonSerializerOptions(Options) { WriteIndented = false }).Should().Be(json);
    }

    [Fact]
    public void Unknown_KeepsItsNote()
    {
        var figure = JsonSerializer.Deserialize<Figure<int>>("""{"value":null,"note":"not found in any source read"}""", Options)!;
        figure.IsKnown.Should().BeFalse();
        figure.Provenance.Note.Should().Be("not found in any source read");
        figure.ToString().Should().StartWith("unknown");
    }

    [Theory]
    [InlineData("""{"source":"s"}""", "A figure needs its value*")]
    [InlineData("""{"value":"sixteen"}""", "*must be a JSON number*")]
    [InlineData("""{"value":16,"confidence":"certain"}""", "\"confidence\" must be one of vendor, curatedDataset, secondary, estimate; it was \"certain\".")]
    [InlineData("""[16]""", "A figure must be a JSON object*")]
    public void Invalid_IsAJsonExceptionStatingTheRule(string json, string message)
    {
        var act = () => JsonSerializer.Deserialize<Figure<int>>(json, Options);
        act.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void Quantity_WithUnknownUnit_IsRejected()
    {
        var act = () => JsonSerializer.Deserialize<Figure<Information>>("""{"value":96,"unit":"parsecs","source":"s","asOf":"2026-01-01","confidence":"vendor"}""", Options);
        act.Should().Throw<JsonException>().WithMessage("*\"parsecs\" is not a unit of Information*");
    }

    [Fact]
    public void TextFigure_MustBeText()
    {
        var act = () => JsonSerializer.Deserialize<TextFigure>("""{"value":5}""", Options);
        act.Should().Throw<JsonException>().WithMessage("A text figure is*");
        JsonSerializer.Deserialize<TextFigure>("""{"value":"TSMC 4N","source":"s","asOf":"2026-01-01","confidence":"secondary"}""", Options)!.Value.Should().Be("TSMC 4N");
    }
}
