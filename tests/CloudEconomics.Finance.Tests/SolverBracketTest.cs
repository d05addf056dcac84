using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The rate solvers where Newton's method cannot finish (a far guess, several roots, a root near -100% or far above
/// 100%), on equations whose roots are known by hand. Where several rates solve the equation, the documented rule
/// (XML docs of <see cref="CashFlowMath.Irr(System.ReadOnlySpan{double}, double)"/> and RATE) is the root nearest the
/// guess in ln(1 + r).
/// </summary>
public class SolverBracketTest
{
    [Theory]
    [InlineData(1e6, 1.0)]     // ln(1 + 1e6) = 13.8: r = 1 (ln 2 = 0.69) is nearer than r = 0
    [InlineData(0.9, 1.0)]
    [InlineData(0.2, 0.0)]     // ln 1.2 = 0.18 is nearer 0 than ln 2
    [InlineData(-0.5, 0.0)]
    [InlineData(-0.99, 0.0)]
    public void Irr_TwoRoots_TheOneNearestTheGuess(double guess, double expected)
    {
        // -1 + 3x - 2x^2 = -(1 - x)(1 - 2x) with x = 1 / (1 + r): x = 1 or 1/2, r = 0 or 1.
        CashFlowMath.Irr(new double[] { -1, 3, -2 }, guess).Should().BeApproximately(expected, 1e-10);
    }

    [Fact]
    public void Irr_RootNearMinus100Percent_FoundByTheBracketInLogSpace()
    {
        // -1 + 1e-6 / (1 + r) = 0: 1 + r = 1e-6. Newton from 0.1 steps below -100% at once (f / f' is about
        // -(1 + r)^2 x 1e6), so the scan of ln(1 + r) down to -30 finds the bracket around ln(1e-6) = -13.8.
        double r = CashFlowMath.Irr(new double[] { -1, 1e-6 }, 0.1);
        (1 + r).Should().BeApproximately(1e-6, 1e-15);
    }

    [Fact]
    public void Irr_RootFarAbove100Percent()
    {
        // -1 + 1e6 / (1 + r) = 0: r = 999,999.
        CashFlowMath.Irr(new double[] { -1, 1e6 }, 0.1).Should().BeApproximately(999_999, 1e-3);
        CashFlowMath.Irr(new double[] { -1, 1e6 }, 1e9).Should().BeApproximately(999_999, 1e-3);
    }

    [Fact]
    public void Irr_ZeroRootOnTheGrid_FromAFarGuess()
    {
        // -1 + 1 / (1 + r) = 0 at r = 0 exactly (ln 1 = 0 is a point of the scan). Newton from 1e6 steps to -r^2,
        // below -100%, so the bracket decides.
        CashFlowMath.Irr(new double[] { -1, 1 }, 1e6).Should().BeApproximately(0.0, 1e-12);
    }

    [Theory]
    [InlineData(0.9, 1.0)]
    [InlineData(1e6, 1.0)]
    [InlineData(-0.05, 0.0)]
    [InlineData(-0.99, 0.0)]
    public void Rate_TwoRoots_TheOneNearestTheGuess(double guess, double expected)
    {
        // n = 2, pmt = -3, pv = 1, fv = 5 in arrears: x^2 - 3(x + 1) + 5 = x^2 - 3x + 2 = (x - 1)(x - 2) with x = 1 + r:
        // r = 0 or r = 1. Two sign changes in the coefficients (2, -3, 1), so no unique-root shortcut.
        CashFlowMath.Rate(2, -3, 1, 5, PaymentTiming.EndOfPeriod, guess).Should().BeApproximately(expected, 1e-10);
    }

    [Theory]
    [InlineData(0.9, 1.0)]
    [InlineData(1e6, 1.0)]
    [InlineData(-0.05, 0.0)]
    [InlineData(-0.99, 0.0)]
    public void Rate_TwoRootsInAdvance_TheOneNearestTheGuess(double guess, double expected)
    {
        // n = 2 in advance, pmt = -3, pv = 4, fv = 2: pv x^2 + pmt (x^2 + x) + fv = x^2 - 3x + 2 with x = 1 + r, so again
        // r = 0 or r = 1 (coefficients 2, -3, 1: two sign changes).
        CashFlowMath.Rate(2, -3, 4, 2, PaymentTiming.BeginningOfPeriod, guess).Should().BeApproximately(expected, 1e-10);
    }

    [Theory]
    [InlineData(1.0, PaymentTiming.EndOfPeriod, 0.1)]
    [InlineData(1.0, PaymentTiming.EndOfPeriod, 1e4)]
    [InlineData(1.0, PaymentTiming.BeginningOfPeriod, 0.1)]
    [InlineData(1.0, PaymentTiming.BeginningOfPeriod, 1e4)]
    [InlineData(-0.5, PaymentTiming.EndOfPeriod, 0.1)]
    [InlineData(-0.5, PaymentTiming.BeginningOfPeriod, -0.9)]
    [InlineData(0.25, PaymentTiming.BeginningOfPeriod, -0.9)]
    public void Rate_LoanOverFractionalPeriods_IsTheRateItWasBuiltAt(double rate, PaymentTiming timing, double guess)
    {
        // A loan of 1 over n = 2.5 periods at rate r: the annuity factor is (1 - (1 + r)^-n) / r, times 1 + r in
        // advance, and the payment is -1 / factor (Excel's definition of PV with fv = 0). At r = 1 in arrears:
        // (1 - 2^-2.5) / 1 = 0.823223..., payment -1.214737... A fractional n takes Newton's path (no polynomial), then
        // the scan of ln(1 + r) when Newton fails from a far guess.
        double factor = (1 - Math.Pow(1 + rate, -2.5)) / rate * (timing == PaymentTiming.BeginningOfPeriod ? 1 + rate : 1);
        CashFlowMath.Rate(2.5, -1 / factor, 1, 0, timing, guess).Should().BeApproximately(rate, 1e-10);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1e4)]
    [InlineData(-0.9)]
    public void Rate_FractionalPeriods_IsTheExactRoot(double guess)
    {
        // (1 + r)^2.5 = 2^2.5 with pv = 1, fv = -2^2.5: r = 1. A fractional n is not a polynomial: Newton, then the scan.
        CashFlowMath.Rate(2.5, 0, 1, -Math.Pow(2, 2.5), PaymentTiming.EndOfPeriod, guess).Should().BeApproximately(1.0, 1e-10);
    }

    [Theory]
    [InlineData(3, 1e9, 999.0)]          // (1 + r)^3 = 1e9
    [InlineData(3, 1e-9, -0.999)]        // (1 + r)^3 = 1e-9
    [InlineData(10, 1e-30, -0.999)]      // (1 + r)^10 = 1e-30
    [InlineData(2, 1e12, 999_999.0)]     // (1 + r)^2 = 1e12
    [InlineData(12, 4096, 1.0)]          // 2^12 = 4096
    public void Rate_UniqueRootFarFromZero_FoundFromAnyGuess(double n, double growth, double expected)
    {
        // pv = 1, fv = -growth, no payments: one sign change, so one rate; its start (0 when the first-order guess is
        // above 1000%) is far from the root, and the safeguarded Newton must walk to it in ln(1 + r).
        foreach (double guess in new[] { 0.1, -0.9, 50.0 })
        {
            double r = CashFlowMath.Rate(n, 0, 1, -growth, PaymentTiming.EndOfPeriod, guess);
            (1 + r).Should().BeApproximately(1 + expected, 1e-9 * (1 + expected), $"n {n}, growth {growth}, guess {guess}");
        }
    }

    [Theory]
    [InlineData(PaymentTiming.EndOfPeriod)]
    [InlineData(PaymentTiming.BeginningOfPeriod)]
    public void Rate_HighRateLoan_ExactRoot(PaymentTiming timing)
    {
        // A loan of 1 repaid by payments at r = 3 (300% a period) over 4 periods. In arrears the payment is
        // r / (1 - (1 + r)^-4) = 3 / (1 - 1/256) = 768/255; in advance it is that divided by 1 + r = 192/255.
        double pmt = timing == PaymentTiming.EndOfPeriod ? 768.0 / 255.0 : 192.0 / 255.0;
        CashFlowMath.Rate(4, -pmt, 1, 0, timing).Should().BeApproximately(3.0, 1e-10);
        CashFlowMath.Rate(4, -pmt, 1, 0, timing, 1e3).Should().BeApproximately(3.0, 1e-10);
    }

    [Fact]
    public void Xirr_TwoRoots_TheOneNearestTheGuess()
    {
        // Dates 365 days apart: -1 + 3x - 2x^2 with x = (1 + r)^-1, so r = 0 or r = 1 as for IRR.
        var dates = new NodaTime.LocalDate[] { new(2021, 1, 1), new(2022, 1, 1), new(2023, 1, 1) };
        CashFlowMath.Xirr(new double[] { -1, 3, -2 }, dates, 1e5).Should().BeApproximately(1.0, 1e-9);
        CashFlowMath.Xirr(new double[] { -1, 3, -2 }, dates, -0.9).Should().BeApproximately(0.0, 1e-9);
    }
}
