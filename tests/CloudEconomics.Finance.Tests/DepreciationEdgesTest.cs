using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// SLN, SYD, DB, DDB and VDB at the edges of their domain: the last accepted argument and the first refused one (with
/// the message naming the rule), the overflow fallbacks, and declining rates of 100% and more (factor &gt;= life), with
/// values from Excel's documentation or computed by hand in the comments.
/// </summary>
public class DepreciationEdgesTest
{
    [Fact]
    public void Sln_Syd_OverflowFallbacks()
    {
        // (1e308 - (-1e308)) overflows; (1e308 / 2) - (-1e308 / 2) = 1e308 does not.
        Depreciation.Sln(1e308, -1e308, 2).Should().Be(1e308);
        ((Action)(() => Depreciation.Sln(1e308, -1e308, 0.5))).Should().Throw<FinancialCalculationException>().WithMessage("*SLN*");
        // SYD weight for life 3, period 1: (3 / 3) (2 / 4) = 0.5; 0.5 (2e308) overflows, 0.5e308 + 0.5e308 = 1e308.
        Depreciation.Syd(1e308, -1e308, 3, 1).Should().Be(1e308);
        ((Action)(() => Depreciation.Syd(1e308, -1e308, 1, 1))).Should().Throw<FinancialCalculationException>().WithMessage("*SYD*");
        // Excel's documentation: SLN(30000, 7500, 10) = 2250; SYD(30000, 7500, 10, 1) = 4090.91, period 10 = 409.09.
        Depreciation.Sln(30000, 7500, 10).Should().Be(2250);
        Depreciation.Syd(30000, 7500, 10, 1).Should().BeApproximately(4090.909090909091, 1e-9);
        Depreciation.Syd(30000, 7500, 10, 10).Should().BeApproximately(409.0909090909091, 1e-9);
    }

    [Fact]
    public void Syd_PeriodBounds()
    {
        // period = life is the last one; a fraction above it, zero and NaN are refused.
        Depreciation.Syd(600, 0, 3, 3).Should().BeApproximately(100, 1e-12); // 600 * 1 * 2 / (3 * 4)
        Depreciation.Syd(600, 0, 3, 0.5).Should().BeApproximately(350, 1e-12); // 600 * 3.5 * 2 / 12
        ((Action)(() => Depreciation.Syd(600, 0, 3, 3.001))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period")
            .WithMessage("Period must be greater than zero and at most the life (3); it was 3.001.*");
        ((Action)(() => Depreciation.Syd(600, 0, 3, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
        ((Action)(() => Depreciation.Syd(600, 0, 3, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
        ((Action)(() => Depreciation.Syd(double.NaN, 0, 3, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("cost");
        ((Action)(() => Depreciation.Syd(600, double.NaN, 3, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("salvage");
        ((Action)(() => Depreciation.Sln(600, 0, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("life")
            .WithMessage("Life must be a finite number of periods greater than zero; it was 0.*");
        ((Action)(() => Depreciation.Sln(600, 0, double.PositiveInfinity))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("life");
    }

    [Fact]
    public void Db_ExcelExample_MonthsAndPeriodBounds()
    {
        // Excel's DB documentation: cost 1,000,000, salvage 100,000, life 6, 7 months in the first year. Rate =
        // 1 - 0.1^(1/6) = 0.319 (rounded to three places); first = 1e6 x 0.319 x 7/12 = 186,083.33.
        Depreciation.Db(1_000_000, 100_000, 6, 1, 7).Should().BeApproximately(186_083.33, 0.005);
        Depreciation.Db(1_000_000, 100_000, 6, 2, 7).Should().BeApproximately(259_639.42, 0.005);
        Depreciation.Db(1_000_000, 100_000, 6, 6, 7).Should().BeApproximately(55_841.76, 0.005);
        Depreciation.Db(1_000_000, 100_000, 6, 7, 7).Should().BeApproximately(15_845.10, 0.005);
        // month 7.9 truncates to 7; month 1 and 12.999 are allowed; 13 and 0.999 are not.
        Depreciation.Db(1_000_000, 100_000, 6, 1, 7.9).Should().BeApproximately(186_083.33, 0.005);
        Depreciation.Db(1_000_000, 100_000, 6, 1, 1).Should().BeApproximately(1e6 * 0.319 / 12, 1e-6);
        Depreciation.Db(1_000_000, 100_000, 6, 1, 12.999).Should().BeApproximately(319_000, 1e-6);
        // Full first year: the 7th period has 12 - 12 = 0 months left.
        Depreciation.Db(1_000_000, 100_000, 6, 7, 12).Should().Be(0);
        // Period 2 with a full first year: (1e6 - 319,000) x 0.319 = 217,239.
        Depreciation.Db(1_000_000, 100_000, 6, 2, 12).Should().BeApproximately(217_239, 1e-6);
        ((Action)(() => Depreciation.Db(1000, 100, 6, 1, 13))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("month")
            .WithMessage("Months in the first year must be from 1 to 12; it was 13.*");
        ((Action)(() => Depreciation.Db(1000, 100, 6, 1, 0.999))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("month");
        ((Action)(() => Depreciation.Db(1000, 100, 6, 1, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("month");
        ((Action)(() => Depreciation.Db(1000, 100, 6, 7.001, 7))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period")
            .WithMessage("Period must be greater than zero and at most the life + 1 (7); it was 7.001.*");
        ((Action)(() => Depreciation.Db(1000, 100, 6, 0, 7))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
        ((Action)(() => Depreciation.Db(0, 0, 6, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("cost")
            .WithMessage("Cost must be a finite number greater than zero; it was 0.*");
        ((Action)(() => Depreciation.Db(1000, 1000.5, 6, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("salvage")
            .WithMessage("Salvage must be from zero to the cost (1000); it was 1000.5.*");
        ((Action)(() => Depreciation.Db(1000, -1, 6, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("salvage");
        // Salvage = cost: rate 0, nothing to depreciate.
        Depreciation.Db(1000, 1000, 6, 3).Should().Be(0);
    }

    [Fact]
    public void Ddb_ExcelExamples_AndRatesOfOneOrMore()
    {
        // Excel's DDB documentation: cost 2400, salvage 300, life 10 years.
        Depreciation.Ddb(2400, 300, 3650, 1).Should().BeApproximately(1.32, 0.005);
        Depreciation.Ddb(2400, 300, 120, 1, 2).Should().BeApproximately(40.00, 0.005);
        Depreciation.Ddb(2400, 300, 10, 1, 2).Should().BeApproximately(480.00, 0.005);
        Depreciation.Ddb(2400, 300, 10, 1, 1.5).Should().BeApproximately(360.00, 0.005); // 2400 x 1.5 / 10
        Depreciation.Ddb(2400, 300, 10, 10).Should().BeApproximately(22.12, 0.005);
        // factor / life = 1 or more: everything down to salvage in period 1, nothing after.
        Depreciation.Ddb(1000, 100, 2, 1, 2).Should().Be(900);
        Depreciation.Ddb(1000, 100, 2, 2, 2).Should().Be(0);
        Depreciation.Ddb(1000, 0, 2, 1, 3).Should().Be(1000);
        Depreciation.Ddb(1000, 100, 2, 1.5, 3).Should().Be(0);
        // Cost 0 is allowed (not below zero) and depreciates nothing.
        Depreciation.Ddb(0, 0, 5, 1).Should().Be(0);
        ((Action)(() => Depreciation.Ddb(-0.01, 0, 5, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("cost")
            .WithMessage("Cost must be a finite number not below zero; it was -0.01.*");
        ((Action)(() => Depreciation.Ddb(1000, 0, 5, 1, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("factor")
            .WithMessage("Factor must be a finite number greater than zero; it was 0.*");
        ((Action)(() => Depreciation.Ddb(1000, 0, 5, 1, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("factor");
        ((Action)(() => Depreciation.Ddb(1000, 0, 5, 5.001))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period")
            .WithMessage("Period must be greater than zero and at most the life (5); it was 5.001.*");
        ((Action)(() => Depreciation.Ddb(1000, 0, 5, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
        Depreciation.Ddb(1000, 0, 5, 5).Should().BeApproximately(1000 * 0.6 * 0.6 * 0.6 * 0.6 * 0.4, 1e-9); // 51.84
    }

    [Fact]
    public void Vdb_Bounds_AndRatesOfOneOrMore()
    {
        // Cost 2400, salvage 300, life 10 (DDB rate 20%), by hand: period 1 = 480. After 6 periods the book value is
        // 2400 x 0.8^6 = 629.15; DDB of period 7 (125.83) is below straight line over the 4 periods left
        // ((629.15 - 300) / 4 = 82.29)? No: 125.83 > 82.29, yet every later DDB term falls and the book value ends at
        // salvage either way, so periods 7..10 depreciate 629.15 - 300 = 329.15 in total.
        Depreciation.Vdb(2400, 300, 10, 0, 1).Should().BeApproximately(480, 1e-9);
        Depreciation.Vdb(2400, 300, 10, 6, 10).Should().BeApproximately((2400 * Math.Pow(0.8, 6)) - 300, 1e-9);
        // Without the switch, periods 7..10 are DDB terms: 2400 x 0.8^6 x (1 - 0.8^4) = 370.61..., but the last must not
        // fall below salvage: the book value after 10 periods would be 257.7 < 300, so period 10 stops at 300.
        Depreciation.Vdb(2400, 300, 10, 6, 10, 2, noSwitch: true).Should().BeApproximately((2400 * Math.Pow(0.8, 6)) - 300, 1e-9);
        // end = start: nothing, in both modes; start = end = life too.
        Depreciation.Vdb(2400, 300, 10, 3, 3).Should().Be(0);
        Depreciation.Vdb(2400, 300, 10, 3, 3, 2, true).Should().Be(0);
        Depreciation.Vdb(2400, 300, 10, 10, 10).Should().Be(0);
        // Half of period 1 then: 240 each way.
        Depreciation.Vdb(2400, 300, 10, 0, 0.5).Should().BeApproximately(240, 1e-9);
        Depreciation.Vdb(2400, 300, 10, 0.5, 1).Should().BeApproximately(240, 1e-9);
        Depreciation.Vdb(2400, 300, 10, 0, 0.5, 2, true).Should().BeApproximately(240, 1e-9);
        Depreciation.Vdb(2400, 300, 10, 0.5, 1, 2, true).Should().BeApproximately(240, 1e-9);
        // Within one period both fractions: 0.25 .. 0.75 of period 2 (DDB 384): 192.
        Depreciation.Vdb(2400, 300, 10, 1.25, 1.75).Should().BeApproximately(192, 1e-9);
        Depreciation.Vdb(2400, 300, 10, 1.25, 1.75, 2, true).Should().BeApproximately(192, 1e-9);
        // Rate 100% or more (factor >= life): all of cost - salvage in period 1, none after, whatever the mode.
        Depreciation.Vdb(1000, 100, 2, 0, 2, 3).Should().BeApproximately(900, 1e-9);
        Depreciation.Vdb(1000, 100, 2, 0, 2, 2, true).Should().BeApproximately(900, 1e-9);
        Depreciation.Vdb(1000, 100, 2, 1, 2, 2).Should().Be(0);
        Depreciation.Vdb(1000, 100, 2, 0, 0.5, 4).Should().BeApproximately(450, 1e-9);
        Depreciation.Vdb(1000, 100, 3, 0, 3, 3, true).Should().BeApproximately(900, 1e-9);
        Depreciation.Vdb(1000, 100, 3, 0, 3, 3).Should().BeApproximately(900, 1e-9);
        ((Action)(() => Depreciation.Vdb(1000, 100, 5, -0.001, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("startPeriod")
            .WithMessage("Start period must be a finite number not below zero; it was -0.001.*");
        ((Action)(() => Depreciation.Vdb(1000, 100, 5, double.NaN, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("startPeriod");
        ((Action)(() => Depreciation.Vdb(1000, 100, 5, 2, 1.999))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("endPeriod")
            .WithMessage("End period must be between the start period (2) and the life (5); it was 1.999.*");
        ((Action)(() => Depreciation.Vdb(1000, 100, 5, 2, 5.001))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("endPeriod");
        ((Action)(() => Depreciation.Vdb(1000, 100, 5, 2, double.NaN))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("endPeriod");
        ((Action)(() => Depreciation.Vdb(1000, 100, 5, 0, 1, -1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("factor");
        ((Action)(() => Depreciation.Vdb(1000, 1001, 5, 0, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("salvage");
        ((Action)(() => Depreciation.Vdb(-1, 0, 5, 0, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("cost");
        ((Action)(() => Depreciation.Vdb(1000, 0, -5, 0, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("life");
    }
}
