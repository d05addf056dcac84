using System.Globalization;
using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Bounded, total functions: every CashFlowMath and Depreciation function called with random and extreme arguments
/// (huge, tiny, negative, subnormal, fractional, NaN, infinities) returns a finite number or throws one of its
/// documented exceptions (<see cref="ArgumentException"/> and subclasses, <see cref="FinancialCalculationException"/>);
/// never NaN, infinity, <see cref="OverflowException"/> or anything else. VDB and DB are closed forms (no loop over
/// the life), checked on lives of 1e9 to 1e300 periods against values derived by hand.
/// </summary>
public class FinanceEdgeFuzzTest
{
    private static readonly double[] Edges =
    {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 0.3, 1.7, 2.0, -2.0, 12.0, 13.0, 1e-300, -1e-300, double.Epsilon, -double.Epsilon,
        2.2e-310, 1e9, 1e15, 1e18, 1e300, -1e300, double.MaxValue, double.MinValue, -0.999999999999, -1.000000000001,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    };

    private static double Draw(Random rng)
    {
        return rng.Next(4) switch
        {
            0 => Edges[rng.Next(Edges.Length)],
            1 => (rng.Next(2) == 0 ? -1 : 1) * Math.Pow(10, (rng.NextDouble() * 628) - 320), // any magnitude
            2 => Math.Round((rng.NextDouble() * 40) - 10, rng.Next(0, 4)),                    // everyday numbers
            _ => (rng.NextDouble() * 2) - 1,                                                   // rates
        };
    }

    private static readonly (string Name, int Arity, Func<double[], double> Call)[] Functions =
    {
        ("NPV", 4, a => CashFlowMath.Npv(a[0], a.AsSpan(1))),
        ("MIRR", 5, a => CashFlowMath.Mirr(a.AsSpan(2), a[0], a[1])),
        ("IRR", 5, a => CashFlowMath.Irr(a.AsSpan(1), a[0])),
        ("XNPV", 4, a => CashFlowMath.Xnpv(a[0], a.AsSpan(1), Dates(3))),
        ("XIRR", 4, a => CashFlowMath.Xirr(a.AsSpan(1), Dates(3), a[0])),
        ("PMT", 5, a => CashFlowMath.Pmt(a[0], a[1], a[2], a[3], Timing(a[4]))),
        ("IPMT", 6, a => CashFlowMath.Ipmt(a[0], a[1], a[2], a[3], a[4], Timing(a[5]))),
        ("PPMT", 6, a => CashFlowMath.Ppmt(a[0], a[1], a[2], a[3], a[4], Timing(a[5]))),
        ("PV", 5, a => CashFlowMath.Pv(a[0], a[1], a[2], a[3], Timing(a[4]))),
        ("FV", 5, a => CashFlowMath.Fv(a[0], a[1], a[2], a[3], Timing(a[4]))),
        ("NPER", 5, a => CashFlowMath.Nper(a[0], a[1], a[2], a[3], Timing(a[4]))),
        ("RATE", 6, a => CashFlowMath.Rate(a[0], a[1], a[2], a[3], Timing(a[4]), a[5])),
        ("EFFECT", 2, a => CashFlowMath.Effect(a[0], a[1])),
        ("NOMINAL", 2, a => CashFlowMath.Nominal(a[0], a[1])),
        ("SLN", 3, a => Depreciation.Sln(a[0], a[1], a[2])),
        ("SYD", 4, a => Depreciation.Syd(a[0], a[1], a[2], a[3])),
        ("DB", 5, a => Depreciation.Db(a[0], a[1], a[2], a[3], a[4])),
        ("DDB", 5, a => Depreciation.Ddb(a[0], a[1], a[2], a[3], a[4])),
        ("VDB", 7, a => Depreciation.Vdb(a[0], a[1], a[2], a[3], a[4], a[5], a[6] > 0)),
    };

    private static LocalDate[] Dates(int n) => Enumerable.Range(0, n).Select(i => new LocalDate(2020, 1, 1).PlusDays(i * 97)).ToArray();

    private static PaymentTiming Timing(double x) => x > 0 ? PaymentTiming.BeginningOfPeriod : PaymentTiming.EndOfPeriod;

    [Fact]
    public void EveryFunction_RandomAndExtremeArguments_FiniteOrDocumentedException()
    {
        var rng = new Random(20261205);
        var failures = new List<string>();
        int finite = 0, refused = 0;
        int callsPerFunction = MutationRun.Cases(2000); // 100 per function under mutation testing
        foreach (var (name, arity, call) in Functions)
        {
            for (int i = 0; i < callsPerFunction; i++)
            {
                var args = new double[arity];
                for (int j = 0; j < arity; j++)
                {
                    args[j] = Draw(rng);
                }
                // Keep some calls in the functions' domains, where the interesting overflow is.
                if (name is "DB" or "DDB" or "VDB" && i % 2 == 0)
                {
                    args[0] = Math.Abs(args[0]);
                    args[1] = Math.Abs(args[1]) % (args[0] + 1);
                    args[2] = Math.Abs(args[2]);
                    args[3] = Math.Abs(args[3]) % (args[2] + 1);
                    args[4] = name == "VDB" ? args[3] + ((args[2] - args[3]) * rng.NextDouble()) : Math.Abs(args[4]);
                }
                try
                {
                    double result = call(args);
                    if (double.IsFinite(result))
                    {
                        finite++;
                    }
                    else
                    {
                        failures.Add($"{name}({Show(args)}) returned {result.ToString(CultureInfo.InvariantCulture)}");
                    }
                }
                catch (Exception e) when (e is ArgumentException or FinancialCalculationException)
                {
                    refused++;
                }
                catch (Exception e)
                {
                    failures.Add($"{name}({Show(args)}) threw {e.GetType().Name}: {e.Message}");
                }
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Functions.Length * callsPerFunction} calls: {finite} finite results, {refused} documented exceptions, {failures.Count} failures."));
        failures.Should().BeEmpty(string.Join("\n", failures.Take(30)));
        finite.Should().BeGreaterThan(Functions.Length * callsPerFunction / 10, "a fair share of the calls must be inside the domains");
    }

    private static string Show(double[] args) => string.Join(", ", args.Select(a => a.ToString("R", CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(1e9)]
    [InlineData(1e15)]
    [InlineData(1e300)]
    public void Vdb_HugeLife_WholeLifeDepreciatesToSalvage(double life)
    {
        // Over the whole life, declining balance with the switch to straight line takes the book value exactly to
        // salvage: VDB(cost, salvage, life, 0, life) = cost - salvage (Excel's definition; a loop over the periods
        // would take years at these lives).
        Depreciation.Vdb(1e6, 1e5, life, 0, life).Should().BeApproximately(9e5, 1e-3);
    }

    [Fact]
    public void Vdb_NoSwitchOverABillionPeriods_IsTheDecliningBalanceClosedForm()
    {
        // No switch: the sum of DDB over periods 1..n telescopes to cost (1 - (1 - f/life)^n), salvage 0.
        // life 1e9, f = 2, n = 5e8: 1e6 (1 - (1 - 2e-9)^5e8) = 1e6 (1 - e^-1) to 1e-9 = 632,120.5588...
        Depreciation.Vdb(1e6, 0, 1e9, 0, 5e8, 2, noSwitch: true).Should().BeApproximately(1e6 * (1 - Math.Exp(-1)), 1e-2);
    }

    [Fact]
    public void Vdb_HugeLifeFractionalSpan_IsFiniteAndMatchesTheFirstPeriodShare()
    {
        // First half period of a life of 1e12: half of the first DDB, 0.5 x cost x 2/life = 1e6 x 1e-12 = 1e-6.
        Depreciation.Vdb(1e6, 0, 1e12, 0, 0.5).Should().BeApproximately(1e-6, 1e-15);
    }

    [Fact]
    public void Db_HugeLifeAndPeriod_ClosedForm()
    {
        // life 1e9, salvage = cost: rate 0, so nothing depreciates in any year.
        Depreciation.Db(1e6, 1e6, 1e9, 5e8).Should().Be(0);
        // life 1e9 with salvage 1e-300 of cost: rate = round(1 - 1e-300^(1e-9), 3) = round(6.9e-7, 3) = 0.
        Depreciation.Db(1, 1e-300, 1e9, 5e8).Should().Be(0);
    }

    [Theory]
    [InlineData(1e308, -1e308, 1.0)]   // cost - salvage overflows; per period it does not fit either
    [InlineData(1.0, 0.0, 4.9e-324)]    // life subnormal: 1 / 4.9e-324 overflows
    public void Sln_Overflow_ThrowsFinancialCalculationException(double cost, double salvage, double life)
    {
        var act = () => Depreciation.Sln(cost, salvage, life);
        act.Should().Throw<FinancialCalculationException>().WithMessage("SLN has no finite result*");
    }

    [Fact]
    public void Sln_DifferenceOverflowsButQuotientFits_IsFinite()
    {
        // (1e308 - (-1e308)) / 4 = 5e307: the difference overflows a double, the result does not.
        Depreciation.Sln(1e308, -1e308, 4).Should().BeApproximately(5e307, 1e293);
    }

    [Fact]
    public void Syd_HugeLife_IsFiniteNotNaN()
    {
        // SYD = (cost - salvage) (life - per + 1) 2 / (life (life + 1)); life = 1e200, per = 1: 2 (cost - salvage) / (life + 1)
        // = 2 x 900 / 1e200 = 1.8e-197 (life (life + 1) alone overflows to infinity: NaN before issue 14).
        Depreciation.Syd(1000, 100, 1e200, 1).Should().BeApproximately(1.8e-197, 1e-209);
    }
}
