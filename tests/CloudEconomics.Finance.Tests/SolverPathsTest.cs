using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// RATE, IRR and XIRR through both of their paths (Newton from the guess, and the bracketing fallback with Brent's
/// method when Newton fails from a far guess), on flows whose roots are known exactly by hand: (1 + r)^2 = 4 gives
/// r = 1, (1 + r)^3 = 8 gives r = 1, and so on.
/// </summary>
public class SolverPathsTest
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.99)]   // far below the root
    [InlineData(5.0)]
    [InlineData(1e6)]     // far above: Newton overshoots, the bracketing scan finds the root
    public void Rate_CompoundGrowth_IsTheExactRoot(double guess)
    {
        // pv (1 + r)^n + fv = 0 with pv = 1, fv = -4, n = 2: (1 + r)^2 = 4, r = 1.
        CashFlowMath.Rate(2, 0, 1, -4, PaymentTiming.EndOfPeriod, guess).Should().BeApproximately(1.0, 1e-10);
        // n = 3, fv = -8: r = 1; n = 1, fv = -1.5: r = 0.5.
        CashFlowMath.Rate(3, 0, 1, -8, PaymentTiming.EndOfPeriod, guess).Should().BeApproximately(1.0, 1e-10);
        CashFlowMath.Rate(1, 0, 100, -150, PaymentTiming.EndOfPeriod, guess).Should().BeApproximately(0.5, 1e-10);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.9)]
    [InlineData(1e4)]
    public void Rate_TwoPaymentLoan_IsTheExactRoot(double guess)
    {
        // A loan of 1 repaid by two payments of 4/3: at r = 1, 1 = (4/3)/2 + (4/3)/4 = 2/3 + 1/3. In advance, two
        // payments of 2/3 at times 0 and 1: 1 = 2/3 + (2/3)/2.
        CashFlowMath.Rate(2, -4.0 / 3.0, 1, 0, PaymentTiming.EndOfPeriod, guess).Should().BeApproximately(1.0, 1e-10);
        CashFlowMath.Rate(2, -2.0 / 3.0, 1, 0, PaymentTiming.BeginningOfPeriod, guess).Should().BeApproximately(1.0, 1e-10);
    }

    [Fact]
    public void Rate_ZeroRateRoot_IsZero()
    {
        // pv + n pmt + fv = 0 at r = 0: 100 - 4 x 25 = 0.
        CashFlowMath.Rate(4, -25, 100).Should().BeApproximately(0.0, 1e-10);
    }

    [Fact]
    public void Rate_NoRoot_ThrowsNum()
    {
        // Receiving money now, later and at the end: every term positive, nothing balances (Excel's #NUM!).
        var act = () => CashFlowMath.Rate(10, 5, 100, 50);
        act.Should().Throw<FinancialCalculationException>().WithMessage("RATE found no rate*#NUM!*");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.9)]
    [InlineData(1e5)]
    public void Irr_SquareGrowth_IsTheExactRoot(double guess)
    {
        // -1 + 0/(1+r) + 4/(1+r)^2 = 0: r = 1.
        CashFlowMath.Irr(new double[] { -1, 0, 4 }, guess).Should().BeApproximately(1.0, 1e-10);
        // -100 + 110/(1+r) = 0: r = 0.1.
        CashFlowMath.Irr(new double[] { -100, 110 }, guess).Should().BeApproximately(0.1, 1e-10);
    }

    [Fact]
    public void Irr_TwoRoots_ReturnsTheOneNearTheGuess()
    {
        // -1 + 3x - 2x^2 = 0 with x = 1/(1+r): x = 1 or 1/2, so r = 0 or r = 1.
        double[] values = { -1, 3, -2 };
        CashFlowMath.Irr(values, 0.9).Should().BeApproximately(1.0, 1e-10);
        CashFlowMath.Irr(values, -0.05).Should().BeApproximately(0.0, 1e-10);
    }

    [Fact]
    public void TryIrr_NoRoot_ReturnsFalseAndZero()
    {
        // -1 + 1/(1+r) - 1/(1+r)^2 < 0 for every r > -1 (the quadratic -1 + x - x^2 has no real root).
        CashFlowMath.TryIrr(new double[] { -1, 1, -1 }, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }

    private static readonly LocalDate[] YearApart = { new(2021, 1, 1), new(2022, 1, 1), new(2023, 1, 1) }; // 365 days each

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.9)]
    [InlineData(1e4)]
    public void Xirr_SquareGrowth_IsTheExactRoot(double guess)
    {
        // -1 + 4 / (1+r)^(730/365) = 0: r = 1.
        CashFlowMath.Xirr(new double[] { -1, 0, 4 }, YearApart, guess).Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void Xnpv_YearApart_IsTheHandValue()
    {
        // -1 + 0 + 4 / (1 + 1)^2 = 0; at 0%: 3; at 100% without the middle flow: -1 + 4/4 = 0.
        CashFlowMath.Xnpv(0, new double[] { -1, 0, 4 }, YearApart).Should().BeApproximately(3.0, 1e-12);
        CashFlowMath.Xnpv(1, new double[] { -1, 2, 4 }, YearApart).Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void TryXirr_OneSign_ReturnsFalse()
    {
        CashFlowMath.TryXirr(new double[] { 1, 2, 3 }, YearApart, out double rate).Should().BeFalse();
        rate.Should().Be(0);
    }
}
