using CloudEconomics.Power;
using NodaTime;

namespace CloudEconomics.Tests.Power;

public class PowerPurchaseAgreementTest
{
    [Fact]
    public void PriceOn_Escalator_CompoundsOncePerContractYear()
    {
        // 50 USD/MWh, +2.5%/yr from 1 Jul 2025: year 0 = 50; from 1 Jul 2026 = 51.25; from 1 Jul 2027 = 51.25 x 1.025 = 52.53125.
        var ppa = PowerTestData.Baseload("Esc", 10, 50, new LocalDate(2025, 7, 1), new LocalDate(2040, 6, 30)) with { AnnualEscalator = 0.025 };
        ppa.PriceOn(new LocalDate(2026, 6, 30)).PerMegawattHour.Amount.Should().Be(50m);
        ppa.PriceOn(new LocalDate(2026, 7, 1)).PerMegawattHour.Amount.Should().Be(51.25m);
        ppa.PriceOn(new LocalDate(2027, 7, 1)).PerMegawattHour.Amount.Should().Be(52.53125m);
    }

    [Fact]
    public void PriceOn_BeforeStart_Throws()
    {
        var ppa = PowerTestData.Baseload("Esc", 10, 50, new LocalDate(2025, 7, 1), new LocalDate(2040, 6, 30));
        var act = () => ppa.PriceOn(new LocalDate(2025, 6, 30));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "date" && e.Message.Contains("2025-07-01"));
    }

    [Fact]
    public void CapacityFactorIn_BaseloadIsOne_AsGeneratedUsesMonthly()
    {
        var baseload = PowerTestData.Baseload("B", 10, 50, new LocalDate(2025, 1, 1), new LocalDate(2030, 1, 1));
        baseload.CapacityFactorIn(6).Should().Be(1);
        var monthly = Enumerable.Range(1, 12).Select(m => m / 20d).ToArray();
        var solar = baseload with { Shape = DeliveryShape.AsGenerated, CapacityFactor = 0.25, MonthlyCapacityFactors = monthly };
        solar.CapacityFactorIn(6).Should().Be(0.3);
        (solar with { MonthlyCapacityFactors = null }).CapacityFactorIn(6).Should().Be(0.25);
    }

    [Fact]
    public void DeliveryIn_AsGenerated_IsCapacityTimesFactorTimesHours()
    {
        // 200 MW x 0.25 x 720 h (June) = 36,000 MWh.
        var solar = PowerTestData.Baseload("S", 200, 50, new LocalDate(2025, 1, 1), new LocalDate(2030, 1, 1)) with { Shape = DeliveryShape.AsGenerated, CapacityFactor = 0.25 };
        solar.DeliveryIn(new YearMonth(2025, 6)).MegawattHours.Should().BeApproximately(36_000, 1e-9);
    }

    [Fact]
    public void ToString_IsInvariant()
    {
        var ppa = PowerTestData.Baseload("Talen Energy", 1920, 0, new LocalDate(2025, 6, 11), new LocalDate(2042, 12, 31));
        Helpers.TestHelper.InCulture("de-DE", () => ppa.ToString()).Should().StartWith("Talen Energy Nuclear 1,920 MW 2025-06-11..2042-12-31");
    }
}
