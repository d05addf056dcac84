using System.Text;
using CloudEconomics.Power;

namespace CloudEconomics.Tests.Power;

public class PowerReferenceDataTest
{
    private static readonly PowerReferenceData Data = PowerReferenceData.Default;

    [Fact]
    public void Default_LoadsEveryFile()
    {
        Data.Pue.Should().HaveCount(12);
        Data.PpaPrices.Should().HaveCount(9);
        Data.ElectricityPrices.Should().HaveCount(4);
        Data.Deals.Should().HaveCount(4);
    }

    [Fact]
    public void Pue_Aws2024Is1_15_WithSource()
    {
        // AWS sustainability page (reference catalog, power section): 1.15 for 2024.
        var aws = Data.PueById("aws-2024");
        aws.Pue.Value.Should().Be(1.15m);
        // ../shared/reference/catalog-sources.json: pue_source "https://aws.amazon.com/tw/sustainability/data-centers ; ...",
        // pue_as_of "2024" (a year: recorded as its first day, the note says so); AWS's own page, so vendor confidence.
        aws.Pue.Provenance.Source.Should().StartWith("https://aws.amazon.com/tw/sustainability/data-centers");
        aws.Pue.Provenance.AsOf.Should().Be(new NodaTime.LocalDate(2024, 1, 1));
        aws.Pue.Provenance.Note.Should().Contain("the source gives the year only ('2024')");
        aws.Pue.Provenance.Confidence.Should().Be(Confidence.Vendor);
    }

    [Fact]
    public void PpaPrice_LevelTenSolarQ4_2024Is56_76()
    {
        // pv-tech, LevelTen Q4 2024 North America P25 solar: 56.76 USD/MWh.
        Data.PpaPriceById("levelten-na-p25-solar-2024q4").Price!.Value.PerMegawattHour.Should().Be(Money.Usd(56.76m));
    }

    [Fact]
    public void NuclearPpaPrice_IsUndisclosed_StaysNull()
    {
        var nuclear = Data.PpaPriceById("nuclear-ppa-undisclosed");
        nuclear.UsdPerMegawattHour.IsKnown.Should().BeFalse();
        nuclear.Price.Should().BeNull();
        Data.DealById("talen-amazon-susquehanna").Figure("usdPerMegawattHour")!.Value.Should().BeNull();
    }

    [Fact]
    public void TalenAmazon_Is1920MwThrough2042()
    {
        var talen = Data.DealById("talen-amazon-susquehanna");
        talen.Source.Should().Be(EnergySourceKind.Nuclear);
        talen.Figure("contractedMw")!.Value.Should().Be(1920m);
        talen.Figure("contractEndYear")!.Value.Should().Be(2042m);
        talen.Figure("contractValueUsdBn")!.Value.Should().Be(18m);
    }

    [Fact]
    public void XEnergy_Is320MwPhaseOneOf80MwUnits_ConstructionStartUnknown()
    {
        var x = Data.DealById("amazon-x-energy-cascade");
        x.Source.Should().Be(EnergySourceKind.SmallModularReactor);
        x.Figure("phase1Mw")!.Value.Should().Be(320m);
        x.Figure("unitSizeMwe")!.Value.Should().Be(80m);
        x.Figure("maxMw")!.Value.Should().Be(960m);
        x.Figure("constructionStartYear")!.IsKnown.Should().BeFalse();
    }

    [Fact]
    public void ElectricityPrice_2025Is8_61CentsPerKwh_As86_1UsdPerMwh()
    {
        // ycharts (EIA monthly), unweighted mean 2025: 0.0861 USD/kWh = 86.1 USD/MWh.
        Data.ElectricityPriceById("us-industrial-2025").Price!.Value.PerMegawattHour.Amount.Should().Be(86.1m);
    }

    [Fact]
    public void EveryKnownFigure_HasSourceAndAsOf()
    {
        var figures = Data.Pue.Select(p => p.Pue)
            .Concat(Data.PpaPrices.Select(p => p.UsdPerMegawattHour))
            .Concat(Data.ElectricityPrices.Select(e => e.UsdPerKilowattHour))
            .Concat(Data.Deals.SelectMany(d => d.Figures.Values));
        figures.Where(f => f.IsKnown).Should().OnlyContain(f => f.Provenance.IsComplete);
        Data.AllFigures().Count(f => f.Figure.IsKnown).Should().Be(36, "issue 16 counts 36 known figures in seeds/power");
        Data.AllFigures().Where(f => f.Figure.IsKnown && !f.Figure.Provenance.IsComplete).Select(f => f.Location).Should().BeEmpty();
    }

    [Fact]
    public void Load_PueBelowOne_NamesFilePathRecordAndRule()
    {
        const string bad = """{"records":[{"id":"x","name":"x","pue":{"value":0.9,"source":"s","asOf":"2024-01-01","confidence":"vendor"}}]}""";
        var act = () => PowerReferenceData.Load(S(bad), S(Empty), S(Empty), S(Empty));
        act.Should().Throw<DataLoadException>().WithMessage("pue.json: $.records[0].pue.value [x]: OutOfRange: PUE must be at least 1; it was 0.9.");
    }

    [Fact]
    public void Load_KnownValueWithoutSource_Fails()
    {
        const string bad = """{"records":[{"id":"p","name":"p","usdPerMegawattHour":{"value":50}}]}""";
        var act = () => PowerReferenceData.Load(S(Empty), S(bad), S(Empty), S(Empty));
        act.Should().Throw<DataLoadException>().Which.Problems.Select(p => (p.File, p.Path, p.Rule))
            .Should().Equal(("ppa-prices.json", "$.records[0].usdPerMegawattHour.source", "MissingSource"),
                ("ppa-prices.json", "$.records[0].usdPerMegawattHour.asOf", "MissingAsOf"),
                ("ppa-prices.json", "$.records[0].usdPerMegawattHour.confidence", "MissingConfidence"));
    }

    [Fact]
    public void Load_DuplicateId_Fails()
    {
        const string bad = """{"records":[{"id":"a","name":"a","period":"2024","usdPerKilowattHour":{"value":null}},{"id":"a","name":"b","period":"2025","usdPerKilowattHour":{"value":null}}]}""";
        var act = () => PowerReferenceData.Load(S(Empty), S(Empty), S(bad), S(Empty));
        act.Should().Throw<DataLoadException>().Where(e => e.Problems[0].Path == "$.records[1].id" && e.Problems[0].Rule == "DuplicateId" && e.Message.Contains("unique"));
    }

    [Fact]
    public void Load_BrokenJson_NamesFile()
    {
        var act = () => PowerReferenceData.Load(S(Empty), S(Empty), S(Empty), S("{\"records\": [ {\"id\": 3"));
        act.Should().Throw<DataLoadException>().Where(e => e.File == "power-deals.json");
    }

    private const string Empty = """{"records":[]}""";

    private static MemoryStream S(string json) => new(Encoding.UTF8.GetBytes(json));
}
