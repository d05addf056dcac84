namespace CloudEconomics.Finance;

/// <summary>
/// Depreciation per period with Microsoft Excel's semantics and argument order: SLN, SYD, DB, DDB and VDB.
/// Amounts are in the unit of <c>cost</c>; <c>life</c> and periods are in one unit of time (years or months).
/// </summary>
/// <remarks>
/// Arguments outside a function's domain (Excel's <c>#NUM!</c> for cost, salvage, life, period or factor out of
/// range) throw <see cref="ArgumentOutOfRangeException"/> stating the rule and the value; a result beyond the range of
/// double throws <see cref="FinancialCalculationException"/>. Periods may be fractional wherever Excel accepts them
/// (DB and DDB from just above 0). Every function does a bounded amount of work whatever its arguments: DB and VDB use
/// closed forms of Excel's period-by-period recurrences.
/// </remarks>
public static class Depreciation
{
    /// <summary>Straight-line depreciation per period, as Excel's <c>SLN(cost, salvage, life)</c>: (cost - salvage) / life.</summary>
    /// <param name="cost">Initial cost of the asset.</param>
    /// <param name="salvage">Value at the end of its life.</param>
    /// <param name="life">Number of periods of useful life; greater than zero.</param>
    /// <returns>The depreciation in each period, in the unit of <paramref name="cost"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, or <paramref name="life"/> is not positive.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows (a life so small that the depreciation
    /// per period exceeds the largest double).</exception>
    public static double Sln(double cost, double salvage, double life)
    {
        FinanceChecks.CheckFinite(cost, nameof(cost));
        FinanceChecks.CheckFinite(salvage, nameof(salvage));
        CheckLife(life);
        double result = (cost - salvage) / life;
        if (!double.IsFinite(result))
        {
            // cost - salvage overflowed, or life is so small that the quotient does.
            result = (cost / life) - (salvage / life);
        }
        return Finite(result, "SLN");
    }

    /// <summary>
    /// Sum-of-years'-digits depreciation for a period, as Excel's <c>SYD(cost, salvage, life, per)</c>:
    /// (cost - salvage) (life - per + 1) 2 / (life (life + 1)).
    /// </summary>
    /// <param name="cost">Initial cost of the asset.</param>
    /// <param name="salvage">Value at the end of its life.</param>
    /// <param name="life">Number of periods of useful life; greater than zero.</param>
    /// <param name="period">The period, greater than zero and at most <paramref name="life"/>.</param>
    /// <returns>The depreciation in that period, in the unit of <paramref name="cost"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, <paramref name="life"/> is not positive,
    /// or <paramref name="period"/> is outside (0, life].</exception>
    /// <exception cref="FinancialCalculationException">The result overflows (a life so small that the depreciation
    /// exceeds the largest double).</exception>
    public static double Syd(double cost, double salvage, double life, double period)
    {
        FinanceChecks.CheckFinite(cost, nameof(cost));
        FinanceChecks.CheckFinite(salvage, nameof(salvage));
        CheckLife(life);
        if (!double.IsFinite(period) || period <= 0 || period > life)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Period must be greater than zero and at most the life ({FinanceChecks.Format(life)}); it was {FinanceChecks.Format(period)}.");
        }
        // 2 (life - per + 1) / (life (life + 1)), as two bounded factors so that a huge life cannot overflow to
        // infinity / infinity (NaN).
        double weight = ((life - period + 1.0) / life) * (2.0 / (life + 1.0));
        double result = (cost - salvage) * weight;
        if (!double.IsFinite(result))
        {
            result = (cost * weight) - (salvage * weight);
        }
        return Finite(result, "SYD");
    }

    /// <summary>
    /// Fixed-declining-balance depreciation for a period, as Excel's <c>DB(cost, salvage, life, period, [month])</c>:
    /// the rate 1 - (salvage/cost)^(1/life) rounded to three decimals, applied to the remaining book value; the first
    /// year covers <paramref name="month"/> months and, when that is under 12, a last period life + 1 covers the rest.
    /// </summary>
    /// <param name="cost">Initial cost of the asset; greater than zero.</param>
    /// <param name="salvage">Value at the end of its life; from zero to <paramref name="cost"/>.</param>
    /// <param name="life">Number of years of useful life; greater than zero.</param>
    /// <param name="period">The year, greater than zero and at most life + 1 (the stub year); counted in whole years
    /// (truncated), so a period below 1 depreciates nothing (as Excel and LibreOffice; e.g. period 0.3 gives 0), except
    /// a period past the life, which gives the stub year.</param>
    /// <param name="month">Months in the first year, 1 to 12 (truncated); Excel's default 12.</param>
    /// <returns>The depreciation in that year, in the unit of <paramref name="cost"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite or outside its range.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    public static double Db(double cost, double salvage, double life, double period, double month = 12)
    {
        if (!double.IsFinite(cost) || cost <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"Cost must be a finite number greater than zero; it was {FinanceChecks.Format(cost)}.");
        }
        CheckSalvage(salvage, cost);
        CheckLife(life);
        if (!double.IsFinite(month) || month < 1 || month >= 13)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"Months in the first year must be from 1 to 12; it was {FinanceChecks.Format(month)}.");
        }
        double months = Math.Truncate(month);
        if (!double.IsFinite(period) || period <= 0 || period > life + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Period must be greater than zero and at most the life + 1 ({FinanceChecks.Format(life + 1)}); it was {FinanceChecks.Format(period)}.");
        }
        double rate = 1.0 - Math.Pow(salvage / cost, 1.0 / life);
        rate = Math.Floor((rate * 1000.0) + 0.5) / 1000.0;
        double first = cost * rate * (months / 12.0);
        if (ApproxFloor(period) == 1)
        {
            return first;
        }
        // Excel's recurrence (book value times the rate, year after year) in closed form: after the first year the
        // book value is cost - first, and each later year keeps (1 - rate) of it. O(1) whatever the life.
        double afterFirst = cost - first;
        double decline = 1.0 - rate;
        double last = ApproxFloor(Math.Min(life, period));
        double current = last >= 2 ? afterFirst * Math.Pow(decline, last - 2.0) * rate : 0.0;
        if (period > life)
        {
            current = afterFirst * Math.Pow(decline, Math.Max(last, 1.0) - 1.0) * rate * ((12.0 - months) / 12.0);
        }
        return Finite(current, "DB");
    }

    /// <summary>
    /// Double-declining-balance (or any factor) depreciation for a period, as Excel's
    /// <c>DDB(cost, salvage, life, period, [factor])</c>: cost (1 - f/life)^(period-1) - cost (1 - f/life)^period,
    /// never taking the book value below salvage.
    /// </summary>
    /// <param name="cost">Initial cost of the asset; not negative.</param>
    /// <param name="salvage">Value at the end of its life; from zero to <paramref name="cost"/>.</param>
    /// <param name="life">Number of periods of useful life; greater than zero.</param>
    /// <param name="period">The period, greater than zero and at most <paramref name="life"/> (may be fractional, as
    /// in Excel: the book value before it is cost (1 - f/life)^(period-1), so period 0.3 gives cost (1 - f/life)^(-0.7) f/life).</param>
    /// <param name="factor">Rate of decline; greater than zero; Excel's default 2 (double declining).</param>
    /// <returns>The depreciation in that period, in the unit of <paramref name="cost"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite or outside its range.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows (a period below 1 with a cost near the
    /// largest double).</exception>
    public static double Ddb(double cost, double salvage, double life, double period, double factor = 2)
    {
        CheckCost(cost);
        CheckSalvage(salvage, cost);
        CheckLife(life);
        CheckFactor(factor);
        if (!double.IsFinite(period) || period <= 0 || period > life)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Period must be greater than zero and at most the life ({FinanceChecks.Format(life)}); it was {FinanceChecks.Format(period)}.");
        }
        return Finite(DdbCore(cost, salvage, life, period, factor), "DDB");
    }

    /// <summary>
    /// Variable-declining-balance depreciation between two points in time, as Excel's
    /// <c>VDB(cost, salvage, life, start_period, end_period, [factor], [no_switch])</c>: declining balance at
    /// <paramref name="factor"/>, switching to straight line over the remaining life when that is larger (unless
    /// <paramref name="noSwitch"/>); fractional start and end periods take the matching share of their period.
    /// </summary>
    /// <param name="cost">Initial cost of the asset; not negative.</param>
    /// <param name="salvage">Value at the end of its life; from zero to <paramref name="cost"/>.</param>
    /// <param name="life">Number of periods of useful life; greater than zero.</param>
    /// <param name="startPeriod">Start of the span, in periods from acquisition; from 0 to <paramref name="endPeriod"/>.</param>
    /// <param name="endPeriod">End of the span; from <paramref name="startPeriod"/> to <paramref name="life"/>.</param>
    /// <param name="factor">Rate of decline; greater than zero; default 2.</param>
    /// <param name="noSwitch">True to never switch to straight line; default false.</param>
    /// <returns>The depreciation over the span, in the unit of <paramref name="cost"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite or outside its range.</exception>
    public static double Vdb(double cost, double salvage, double life, double startPeriod, double endPeriod, double factor = 2, bool noSwitch = false)
    {
        CheckCost(cost);
        CheckSalvage(salvage, cost);
        CheckLife(life);
        CheckFactor(factor);
        if (!double.IsFinite(startPeriod) || startPeriod < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startPeriod), startPeriod, $"Start period must be a finite number not below zero; it was {FinanceChecks.Format(startPeriod)}.");
        }
        if (!double.IsFinite(endPeriod) || endPeriod < startPeriod || endPeriod > life)
        {
            throw new ArgumentOutOfRangeException(nameof(endPeriod), endPeriod,
                $"End period must be between the start period ({FinanceChecks.Format(startPeriod)}) and the life ({FinanceChecks.Format(life)}); it was {FinanceChecks.Format(endPeriod)}.");
        }
        double intStart = ApproxFloor(startPeriod);
        double intEnd = ApproxCeil(endPeriod);
        if (noSwitch)
        {
            // Excel's sum of DDB terms over the periods intStart + 1 .. intEnd (first and last weighted by the share
            // of the period inside the span); the whole periods in between telescope (see DecliningSum), so O(1).
            double a = intStart + 1.0;
            double b = intEnd;
            if (a > b)
            {
                return 0.0;
            }
            double firstTerm = DdbCore(cost, salvage, life, a, factor) * (Math.Min(endPeriod, intStart + 1.0) - startPeriod);
            if (a == b)
            {
                return firstTerm;
            }
            double lastTerm = DdbCore(cost, salvage, life, b, factor) * (endPeriod + 1.0 - intEnd);
            return firstTerm + DecliningSum(cost, salvage, life, factor, a + 1.0, b - 1.0) + lastTerm;
        }

        // Whole periods from intStart to intEnd, less the fractions of the first and last period outside the span.
        double part = 0;
        if (!ApproxEqual(startPeriod, intStart))
        {
            double remaining = cost - SwitchingSegment(cost, salvage, life, life, intStart, factor);
            part += (startPeriod - intStart) * SwitchingSegment(remaining, salvage, life, life - intStart, 1.0, factor);
        }
        if (!ApproxEqual(endPeriod, intEnd))
        {
            double lastStart = intEnd - 1.0;
            double remaining = cost - SwitchingSegment(cost, salvage, life, life, lastStart, factor);
            part += (intEnd - endPeriod) * SwitchingSegment(remaining, salvage, life, life - lastStart, 1.0, factor);
        }
        double bookValue = cost - SwitchingSegment(cost, salvage, life, life, intStart, factor);
        return SwitchingSegment(bookValue, salvage, life, life - intStart, intEnd - intStart, factor) - part;
    }

    /// <summary>
    /// Depreciation of an asset worth <paramref name="value"/> over the next <paramref name="span"/> periods:
    /// declining balance (rate from the full <paramref name="life"/>) until straight line over the
    /// <paramref name="remainingLife"/> gives more, then straight line. The last, possibly partial, period counts pro rata.
    /// </summary>
    /// <remarks>
    /// Excel steps through the periods one by one; this finds the period where the step changes (the first where
    /// straight line gives more, or where declining balance reaches salvage) by bisection, and sums each phase in
    /// closed form: the declining terms telescope to the fall in book value, the straight-line terms are equal. The
    /// bisection is valid because the test is monotone in the period (the switch test is B_i (1 - r (R - i + 1)) &gt;
    /// salvage, and that product grows with i while i &lt;= R), and it is capped (at most about 2,100 steps, 64 for any
    /// life below 2^53), so the work is bounded whatever the life.
    /// </remarks>
    private static double SwitchingSegment(double value, double salvage, double life, double remainingLife, double span, double factor)
    {
        double n = ApproxCeil(span);
        if (n < 1.0)
        {
            return 0.0;
        }
        double fraction = span + 1.0 - n;
        double k = FirstSwitchOrFloor(value, salvage, life, remainingLife, factor, n);
        double total = 0.0;
        if (k > 1.0)
        {
            total = k - 1.0 < n
                ? DecliningFall(value, life, factor, 1.0, k - 1.0)
                : DecliningFall(value, life, factor, 1.0, n - 1.0) + (fraction * DdbCore(value, salvage, life, n, factor));
        }
        if (k <= n)
        {
            double declining = DdbCore(value, salvage, life, k, factor);
            double line = (Book(value, life, factor, k) - salvage) / (remainingLife - (k - 1.0));
            total += line > declining
                ? line * (n - k + fraction)
                : declining * (k == n ? fraction : 1.0);
        }
        return total;
    }

    /// <summary>The first period in [1, n] where straight line beats declining balance or declining balance reaches
    /// salvage; n + 1 when there is none. Bisection over whole periods held as doubles, with a step cap.</summary>
    private static double FirstSwitchOrFloor(double value, double salvage, double life, double remainingLife, double factor, double n)
    {
        if (!SwitchesOrFloors(value, salvage, life, remainingLife, factor, n))
        {
            return n + 1.0;
        }
        double lo = 1.0;
        double hi = n;
        for (int step = 0; lo < hi && step < MaxBisectionSteps; step++)
        {
            double mid = Math.Floor(lo + ((hi - lo) / 2.0));
            if (SwitchesOrFloors(value, salvage, life, remainingLife, factor, mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1.0;
            }
        }
        return lo;
    }

    /// <summary>Bisection steps allowed: enough to split any range of doubles (2 x 1,075 binary exponents).</summary>
    internal const int MaxBisectionSteps = 2200;

    private static bool SwitchesOrFloors(double value, double salvage, double life, double remainingLife, double factor, double i)
    {
        double declining = DdbCore(value, salvage, life, i, factor);
        double book = Book(value, life, factor, i);
        double after = NextBook(value, life, factor, i);
        double line = (book - salvage) / (remainingLife - (i - 1.0));
        return after < salvage || line > declining;
    }

    /// <summary>Book value at the start of whole period i under pure declining balance (no salvage floor).</summary>
    private static double Book(double value, double life, double factor, double i)
    {
        double rate = factor / life;
        if (rate >= 1.0)
        {
            return i == 1.0 ? value : 0.0;
        }
        return value * Math.Exp((i - 1.0) * FinanceMath.Log1P(-rate));
    }

    private static double NextBook(double value, double life, double factor, double i)
    {
        double rate = factor / life;
        return rate >= 1.0 ? 0.0 : value * Math.Exp(i * FinanceMath.Log1P(-rate));
    }

    /// <summary>The fall in book value over whole periods a..b under pure declining balance,
    /// B_a - B_(b+1) = B_a (1 - (1 - r)^(b - a + 1)), without cancellation when r (b - a + 1) is small.</summary>
    private static double DecliningFall(double value, double life, double factor, double a, double b)
    {
        if (b < a)
        {
            return 0.0;
        }
        double rate = factor / life;
        if (rate >= 1.0)
        {
            return Book(value, life, factor, a);
        }
        return -Book(value, life, factor, a) * FinanceMath.ExpM1((b - a + 1.0) * FinanceMath.Log1P(-rate));
    }

    /// <summary>
    /// Sum of <see cref="DdbCore"/> over whole periods a..b: the terms are B_i - B_(i+1) until the book value would
    /// fall below salvage, then B_j - salvage once, then 0; so the sum is max(0, B_a - max(B_(b+1), salvage)).
    /// </summary>
    private static double DecliningSum(double cost, double salvage, double life, double factor, double a, double b)
    {
        if (a > b)
        {
            return 0.0;
        }
        double sum = NextBook(cost, life, factor, b) >= salvage
            ? DecliningFall(cost, life, factor, a, b)
            : Book(cost, life, factor, a) - salvage;
        return sum < 0 ? 0 : sum;
    }

    // Excel's DDB: book value before = cost (1 - r)^(period - 1), after = cost (1 - r)^period, r = factor / life, the
    // depreciation before - after = before x r unless the book value would fall below salvage. Written before x r
    // (not a difference of two nearly equal numbers when r is small) and (1 - r)^p as exp(p log1p(-r)) (not a power
    // of the rounded 1 - r, whose error grows with p).
    internal static double DdbCore(double cost, double salvage, double life, double period, double factor)
    {
        double rate = factor / life;
        double before;
        double after;
        double amount;
        if (rate >= 1.0)
        {
            before = period == 1.0 ? cost : 0.0;
            after = 0.0;
            amount = before;
        }
        else
        {
            double log = FinanceMath.Log1P(-rate);
            before = cost * Math.Exp((period - 1.0) * log);
            after = cost * Math.Exp(period * log);
            amount = before * rate;
        }
        if (after < salvage)
        {
            amount = before - salvage;
        }
        return amount < 0 ? 0 : amount;
    }

    private static double ApproxFloor(double x) => Math.Floor(x + (1e-12 * Math.Max(1.0, Math.Abs(x))));

    private static double ApproxCeil(double x) => Math.Ceiling(x - (1e-12 * Math.Max(1.0, Math.Abs(x))));

    private static bool ApproxEqual(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static double Finite(double value, string function)
    {
        if (!double.IsFinite(value))
        {
            throw FinanceChecks.NonFinite(function);
        }
        return value;
    }

    private static void CheckLife(double life)
    {
        if (!double.IsFinite(life) || life <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(life), life, $"Life must be a finite number of periods greater than zero; it was {FinanceChecks.Format(life)}.");
        }
    }

    private static void CheckCost(double cost)
    {
        if (!double.IsFinite(cost) || cost < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"Cost must be a finite number not below zero; it was {FinanceChecks.Format(cost)}.");
        }
    }

    private static void CheckSalvage(double salvage, double cost)
    {
        if (!double.IsFinite(salvage) || salvage < 0 || salvage > cost)
        {
            throw new ArgumentOutOfRangeException(nameof(salvage), salvage,
                $"Salvage must be from zero to the cost ({FinanceChecks.Format(cost)}); it was {FinanceChecks.Format(salvage)}.");
        }
    }

    private static void CheckFactor(double factor)
    {
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"Factor must be a finite number greater than zero; it was {FinanceChecks.Format(factor)}.");
        }
    }
}
