namespace CloudEconomics.Finance;

/// <summary>
/// Depreciation per period with Microsoft Excel's semantics and argument order: SLN, SYD, DB, DDB and VDB.
/// Amounts are in the unit of <c>cost</c>; <c>life</c> and periods are in one unit of time (years or months).
/// </summary>
/// <remarks>
/// Arguments outside a function's domain (Excel's <c>#NUM!</c> for cost, salvage, life, period or factor out of
/// range) throw <see cref="ArgumentOutOfRangeException"/> stating the rule and the value. Where LibreOffice and
/// Excel differ (DB or DDB with a period below 1) these follow Excel and reject the period.
/// </remarks>
public static class Depreciation
{
    /// <summary>Straight-line depreciation per period, as Excel's <c>SLN(cost, salvage, life)</c>: (cost - salvage) / life.</summary>
    /// <param name="cost">Initial cost of the asset.</param>
    /// <param name="salvage">Value at the end of its life.</param>
    /// <param name="life">Number of periods of useful life; greater than zero.</param>
    /// <returns>The depreciation in each period, in the unit of <paramref name="cost"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, or <paramref name="life"/> is not positive.</exception>
    public static double Sln(double cost, double salvage, double life)
    {
        FinanceChecks.CheckFinite(cost, nameof(cost));
        FinanceChecks.CheckFinite(salvage, nameof(salvage));
        CheckLife(life);
        return (cost - salvage) / life;
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
        return (cost - salvage) * (life - period + 1.0) * 2.0 / (life * (life + 1.0));
    }

    /// <summary>
    /// Fixed-declining-balance depreciation for a period, as Excel's <c>DB(cost, salvage, life, period, [month])</c>:
    /// the rate 1 - (salvage/cost)^(1/life) rounded to three decimals, applied to the remaining book value; the first
    /// year covers <paramref name="month"/> months and, when that is under 12, a last period life + 1 covers the rest.
    /// </summary>
    /// <param name="cost">Initial cost of the asset; greater than zero.</param>
    /// <param name="salvage">Value at the end of its life; from zero to <paramref name="cost"/>.</param>
    /// <param name="life">Number of years of useful life; greater than zero.</param>
    /// <param name="period">The year, from 1 to life (life + 1 for the stub year); truncated to an integer.</param>
    /// <param name="month">Months in the first year, 1 to 12 (truncated); Excel's default 12.</param>
    /// <returns>The depreciation in that year, in the unit of <paramref name="cost"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite or outside its range.</exception>
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
        if (!double.IsFinite(period) || period < 1 || period > life + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Period must be at least 1 and at most the life + 1 ({FinanceChecks.Format(life + 1)}); it was {FinanceChecks.Format(period)}.");
        }
        double rate = 1.0 - Math.Pow(salvage / cost, 1.0 / life);
        rate = Math.Floor((rate * 1000.0) + 0.5) / 1000.0;
        double first = cost * rate * months / 12.0;
        if (ApproxFloor(period) == 1)
        {
            return first;
        }
        double accumulated = first;
        double current = 0;
        int last = (int)ApproxFloor(Math.Min(life, period));
        for (int i = 2; i <= last; i++)
        {
            current = (cost - accumulated) * rate;
            accumulated += current;
        }
        if (period > life)
        {
            current = (cost - accumulated) * rate * (12.0 - months) / 12.0;
        }
        return current;
    }

    /// <summary>
    /// Double-declining-balance (or any factor) depreciation for a period, as Excel's
    /// <c>DDB(cost, salvage, life, period, [factor])</c>: cost (1 - f/life)^(period-1) - cost (1 - f/life)^period,
    /// never taking the book value below salvage.
    /// </summary>
    /// <param name="cost">Initial cost of the asset; not negative.</param>
    /// <param name="salvage">Value at the end of its life; from zero to <paramref name="cost"/>.</param>
    /// <param name="life">Number of periods of useful life; greater than zero.</param>
    /// <param name="period">The period, from 1 to <paramref name="life"/> (may be fractional).</param>
    /// <param name="factor">Rate of decline; greater than zero; Excel's default 2 (double declining).</param>
    /// <returns>The depreciation in that period, in the unit of <paramref name="cost"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite or outside its range.</exception>
    public static double Ddb(double cost, double salvage, double life, double period, double factor = 2)
    {
        CheckCost(cost);
        CheckSalvage(salvage, cost);
        CheckLife(life);
        CheckFactor(factor);
        if (!double.IsFinite(period) || period < 1 || period > life)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Period must be at least 1 and at most the life ({FinanceChecks.Format(life)}); it was {FinanceChecks.Format(period)}.");
        }
        return DdbCore(cost, salvage, life, period, factor);
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
            double sum = 0;
            long loopStart = (long)intStart;
            long loopEnd = (long)intEnd;
            for (long i = loopStart + 1; i <= loopEnd; i++)
            {
                double term = DdbCore(cost, salvage, life, i, factor);
                if (i == loopStart + 1)
                {
                    term *= Math.Min(endPeriod, intStart + 1.0) - startPeriod;
                }
                else if (i == loopEnd)
                {
                    term *= endPeriod + 1.0 - intEnd;
                }
                sum += term;
            }
            return sum;
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
    private static double SwitchingSegment(double value, double salvage, double life, double remainingLife, double span, double factor)
    {
        double intEnd = ApproxCeil(span);
        long loopEnd = (long)intEnd;
        double depreciable = value - salvage;
        bool straightLine = false;
        double lineAmount = 0;
        double total = 0;
        for (long i = 1; i <= loopEnd; i++)
        {
            double term;
            if (!straightLine)
            {
                double declining = DdbCore(value, salvage, life, i, factor);
                lineAmount = depreciable / (remainingLife - (i - 1));
                if (lineAmount > declining)
                {
                    term = lineAmount;
                    straightLine = true;
                }
                else
                {
                    term = declining;
                    depreciable -= declining;
                }
            }
            else
            {
                term = lineAmount;
            }
            if (i == loopEnd)
            {
                term *= span + 1.0 - intEnd;
            }
            total += term;
        }
        return total;
    }

    internal static double DdbCore(double cost, double salvage, double life, double period, double factor)
    {
        double rate = factor / life;
        double before;
        if (rate >= 1.0)
        {
            rate = 1.0;
            before = period == 1.0 ? cost : 0.0;
        }
        else
        {
            before = cost * Math.Pow(1.0 - rate, period - 1.0);
        }
        double after = cost * Math.Pow(1.0 - rate, period);
        double amount = after < salvage ? before - salvage : before - after;
        return amount < 0 ? 0 : amount;
    }

    private static double ApproxFloor(double x) => Math.Floor(x + (1e-12 * Math.Max(1.0, Math.Abs(x))));

    private static double ApproxCeil(double x) => Math.Ceiling(x - (1e-12 * Math.Max(1.0, Math.Abs(x))));

    private static bool ApproxEqual(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

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
