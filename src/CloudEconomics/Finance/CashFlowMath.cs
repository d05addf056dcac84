using System.Buffers;
using System.Globalization;
using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>
/// Time value of money with Microsoft Excel's semantics, argument order and defaults: NPV, XNPV, IRR, XIRR, MIRR,
/// PMT, IPMT, PPMT, PV, FV, NPER, RATE, EFFECT and NOMINAL. The kernel tier: plain doubles and spans, no allocation.
/// </summary>
/// <remarks>
/// <para>Sign convention as in Excel: money paid out is negative, money received is positive. Rates are per
/// period as decimal fractions (0.05 = 5%); XNPV and XIRR use annual rates and actual/365 day counts from the first
/// date.</para>
/// <para>Errors: an argument outside a function's domain (Excel's <c>#VALUE!</c>, or <c>#NUM!</c> for a domain
/// violation) throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> with the rule and
/// the value; a rate of -100% or below is rejected (NPV and MIRR accept rates below -100%, as Excel does). When no answer exists or none is found (Excel's
/// <c>#NUM!</c> or <c>#DIV/0!</c>), <see cref="FinancialCalculationException"/> is thrown. No method returns NaN or
/// infinity.</para>
/// <para>IRR, XIRR and RATE start Newton's method from the caller's guess, as Excel does, so where several rates
/// exist the answer is the one Excel finds from the same guess; where Newton fails they fall back to bracketing
/// (Brent's method) over rates in (-100%, about 1e13) and return the root nearest the guess. So they can find a root
/// where Excel reports <c>#NUM!</c> (for example XIRR from guess -0.1 on flows whose root Excel's Newton misses): we
/// knowingly differ from Excel there and return the root, which satisfies the defining equation.</para>
/// <para>NPV and MIRR accept discount rates below -100% (1 + rate negative) as Excel does; only a rate of exactly
/// -100% is refused.</para>
/// </remarks>
public static partial class CashFlowMath
{
    /// <summary>
    /// Net present value of periodic cash flows, as Excel's <c>NPV(rate, value1, ...)</c>: the first value is
    /// discounted by one full period, so NPV = sum of values[i] / (1 + rate)^(i + 1).
    /// </summary>
    /// <param name="rate">Discount rate per period, as a decimal fraction; finite and not -1. As in Excel, a rate below
    /// -1 is accepted (1 + rate is then negative and the discount factors alternate in sign).</param>
    /// <param name="values">Cash flows at the end of periods 1, 2, ... (same unit as the result); at least one.</param>
    /// <returns>The present value one period before the first flow, in the unit of <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not finite or is exactly -1 (Excel's <c>#DIV/0!</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a non-finite value.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    /// <remarks>To value a flow at time zero (an investment today), add it outside: <c>values[0] + Npv(rate, values[1..])</c>.</remarks>
    public static double Npv(double rate, ReadOnlySpan<double> values)
    {
        FinanceChecks.CheckDiscountRate(rate, nameof(rate));
        FinanceChecks.CheckNotEmpty(values, nameof(values));
        double d = 1.0 / (1.0 + rate);
        double result = d * FinanceKernels.Polynomial(values, d);
        if (!double.IsFinite(result))
        {
            FinanceChecks.CheckAllFinite(values, nameof(values));
            throw FinanceChecks.NonFinite("NPV");
        }
        return result;
    }

    /// <summary>
    /// Net present value of dated cash flows, as Excel's <c>XNPV(rate, values, dates)</c>: each value is discounted to
    /// the first date by (1 + rate)^((date - first date) / 365), actual days over 365.
    /// </summary>
    /// <param name="rate">Annual discount rate, as a decimal fraction; greater than -1.</param>
    /// <param name="values">Cash flows (same unit as the result); at least one.</param>
    /// <param name="dates">The date of each flow; none may precede the first, the rest may be in any order.</param>
    /// <returns>The present value at the first date, in the unit of <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not finite or is -1 or below.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a non-finite value; the two
    /// spans differ in length; or a date precedes the first date.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    public static double Xnpv(double rate, ReadOnlySpan<double> values, ReadOnlySpan<LocalDate> dates)
    {
        FinanceChecks.CheckRate(rate, nameof(rate));
        FinanceChecks.CheckNotEmpty(values, nameof(values));
        CheckDates(values, dates);
        if (values.Length <= DirectXnpvMaxFlows)
        {
            return XnpvDirect(rate, values, dates);
        }
        // Pooled scratch, not stackalloc (see FinanceKernels.DatedSums): no allocation once the pool is warm.
        int[] rented = ArrayPool<int>.Shared.Rent(values.Length);
        Span<int> offsets = rented.AsSpan(0, values.Length);
        int maxOffset = ComputeOffsets(dates, offsets);
        double[] table = ArrayPool<double>.Shared.Rent(FinanceKernels.DatedTableLength(maxOffset));
        try
        {
            FinanceKernels.DatedSums(values, offsets, maxOffset, rate, table, out double result, out _);
            if (!double.IsFinite(result))
            {
                FinanceChecks.CheckAllFinite(values, nameof(values));
                throw FinanceChecks.NonFinite("XNPV");
            }
            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
            ArrayPool<double>.Shared.Return(table);
        }
    }

    /// <summary>Up to this many flows (measured crossover), XNPV discounts each flow with one <see cref="Math.Exp"/> and no scratch (cheaper than building the power tables).</summary>
    private const int DirectXnpvMaxFlows = 64;

    /// <summary>XNPV for a few flows: one pass converting each date and discounting by exp(-t ln(1+r)/365), no pooled scratch.</summary>
    private static double XnpvDirect(double rate, ReadOnlySpan<double> values, ReadOnlySpan<LocalDate> dates)
    {
        double logStep = -FinanceMath.Log1P(rate) / 365.0;
        var days = default(DayCounter);
        int first = days.Of(dates[0]);
        double sum = values[0];
        for (int i = 1; i < values.Length; i++)
        {
            int offset = days.Of(dates[i]) - first;
            if (offset < 0)
            {
                throw DatePrecedesFirst(dates, i);
            }
            sum += values[i] * Math.Exp(offset * logStep);
        }
        if (!double.IsFinite(sum))
        {
            FinanceChecks.CheckAllFinite(values, nameof(values));
            throw FinanceChecks.NonFinite("XNPV");
        }
        return sum;
    }

    /// <summary>
    /// Internal rate of return of periodic cash flows, as Excel's <c>IRR(values, guess)</c>: the rate r at which
    /// sum of values[i] / (1 + r)^i = 0 (the first value is not discounted).
    /// </summary>
    /// <param name="values">Cash flows at periods 0, 1, 2, ...; at least one positive and one negative.</param>
    /// <param name="guess">Where Newton's method starts, as a decimal fraction per period; greater than -1. Excel's default 0.1.</param>
    /// <returns>The rate per period, as a decimal fraction, greater than -1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is not finite or is -1 or below.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a non-finite value.</exception>
    /// <exception cref="FinancialCalculationException">The flows are all of one sign (no rate exists), or no rate
    /// was found in (-100%, about 1e13).</exception>
    public static double Irr(ReadOnlySpan<double> values, double guess = 0.1)
    {
        CheckIrrArguments(values, guess, out bool bothSigns);
        if (!bothSigns)
        {
            throw new FinancialCalculationException("IRR needs at least one positive and one negative cash flow; with all flows of one sign no rate exists.");
        }
        if (!RateSolver.TryIrr(values, guess, out double rate))
        {
            throw new FinancialCalculationException("IRR found no rate above -100% at which the net present value of these flows is zero.");
        }
        return rate;
    }

    /// <summary>Like <see cref="Irr"/>, but reports "no rate exists or none was found" by returning false.</summary>
    /// <param name="values">Cash flows at periods 0, 1, 2, ....</param>
    /// <param name="rate">The rate per period when found; 0 otherwise.</param>
    /// <param name="guess">Where Newton's method starts; greater than -1. Excel's default 0.1.</param>
    /// <returns>Whether a rate was found (false also when all flows have one sign).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is not finite or is -1 or below.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a non-finite value.</exception>
    public static bool TryIrr(ReadOnlySpan<double> values, out double rate, double guess = 0.1)
    {
        CheckIrrArguments(values, guess, out bool bothSigns);
        if (!bothSigns)
        {
            rate = 0;
            return false;
        }
        if (RateSolver.TryIrr(values, guess, out rate))
        {
            return true;
        }
        rate = 0;
        return false;
    }

    /// <summary>
    /// Internal rate of return of dated cash flows, as Excel's <c>XIRR(values, dates, guess)</c>: the annual rate r
    /// at which sum of values[i] / (1 + r)^((dates[i] - dates[0]) / 365) = 0.
    /// </summary>
    /// <param name="values">Cash flows; at least one positive and one negative.</param>
    /// <param name="dates">The date of each flow; none may precede the first, the rest may be in any order.</param>
    /// <param name="guess">Where Newton's method starts, as an annual decimal fraction; greater than -1. Excel's default 0.1.</param>
    /// <returns>The annual rate, as a decimal fraction, greater than -1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is not finite or is -1 or below.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a non-finite value; the spans
    /// differ in length; or a date precedes the first date.</exception>
    /// <exception cref="FinancialCalculationException">The flows are all of one sign (no rate exists), or no rate
    /// was found in (-100%, about 1e13).</exception>
    /// <remarks>Where Excel's Newton iteration fails from the given guess and Excel reports <c>#NUM!</c> (for example
    /// guess -0.1 on some flows with a root), this falls back to bracketing and returns the root: a known, deliberate
    /// difference from Excel.</remarks>
    public static double Xirr(ReadOnlySpan<double> values, ReadOnlySpan<LocalDate> dates, double guess = 0.1)
    {
        if (!TryXirrCore(values, dates, guess, out double rate, out bool bothSigns))
        {
            throw bothSigns
                ? new FinancialCalculationException("XIRR found no annual rate above -100% at which the net present value of these flows is zero.")
                : new FinancialCalculationException("XIRR needs at least one positive and one negative cash flow; with all flows of one sign no rate exists.");
        }
        return rate;
    }

    /// <summary>Like <see cref="Xirr"/>, but reports "no rate exists or none was found" by returning false.</summary>
    /// <param name="values">Cash flows.</param>
    /// <param name="dates">The date of each flow; none may precede the first.</param>
    /// <param name="rate">The annual rate when found; 0 otherwise.</param>
    /// <param name="guess">Where Newton's method starts; greater than -1. Excel's default 0.1.</param>
    /// <returns>Whether a rate was found (false also when all flows have one sign).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="guess"/> is not finite or is -1 or below.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a non-finite value; the spans
    /// differ in length; or a date precedes the first date.</exception>
    public static bool TryXirr(ReadOnlySpan<double> values, ReadOnlySpan<LocalDate> dates, out double rate, double guess = 0.1)
        => TryXirrCore(values, dates, guess, out rate, out _);

    private static bool TryXirrCore(ReadOnlySpan<double> values, ReadOnlySpan<LocalDate> dates, double guess, out double rate, out bool bothSigns)
    {
        CheckIrrArguments(values, guess, out bothSigns);
        CheckDates(values, dates);
        int[] rented = ArrayPool<int>.Shared.Rent(values.Length);
        Span<int> offsets = rented.AsSpan(0, values.Length);
        int maxOffset;
        try
        {
            maxOffset = ComputeOffsets(dates, offsets);
        }
        catch (ArgumentException)
        {
            ArrayPool<int>.Shared.Return(rented);
            throw;
        }
        if (!bothSigns)
        {
            ArrayPool<int>.Shared.Return(rented);
            rate = 0;
            return false;
        }
        double[] table = ArrayPool<double>.Shared.Rent(FinanceKernels.DatedTableLength(maxOffset));
        try
        {
            if (RateSolver.TryXirr(values, offsets, maxOffset, guess, table, out rate))
            {
                return true;
            }
            rate = 0;
            return false;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
            ArrayPool<double>.Shared.Return(table);
        }
    }

    /// <summary>
    /// Modified internal rate of return, as Excel's <c>MIRR(values, finance_rate, reinvest_rate)</c>:
    /// ((FV of the positive flows at <paramref name="reinvestRate"/>) / -(PV of the negative flows at
    /// <paramref name="financeRate"/>))^(1/(n-1)) - 1, with n the number of flows.
    /// </summary>
    /// <param name="values">Cash flows at periods 0 to n-1; at least one positive and one negative.</param>
    /// <param name="financeRate">Rate paid on the money invested (the negative flows), per period; finite and not -1
    /// (below -1 is accepted, as in Excel).</param>
    /// <param name="reinvestRate">Rate earned on reinvesting the positive flows, per period; finite and not -1 (below
    /// -1 is accepted, as in Excel).</param>
    /// <returns>The modified rate per period, as a decimal fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not finite or is exactly -1 (Excel's <c>#DIV/0!</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a non-finite value.</exception>
    /// <exception cref="FinancialCalculationException">The flows are all of one sign (Excel's <c>#DIV/0!</c>); the
    /// ratio under the (n-1)th root is negative with n-1 even, or zero (Excel's <c>#NUM!</c>); or the result overflows.</exception>
    /// <remarks>With a rate below -1 the ratio can be negative; for an odd n-1 its real root is taken, as Excel's
    /// POWER does for a negative base and the reciprocal of an odd integer.</remarks>
    public static double Mirr(ReadOnlySpan<double> values, double financeRate, double reinvestRate)
    {
        FinanceChecks.CheckDiscountRate(financeRate, nameof(financeRate));
        FinanceChecks.CheckDiscountRate(reinvestRate, nameof(reinvestRate));
        FinanceChecks.CheckNotEmpty(values, nameof(values));
        FinanceKernels.Scan(values, out bool finite, out bool anyPositive, out bool anyNegative);
        if (!finite)
        {
            FinanceChecks.CheckAllFinite(values, nameof(values));
        }
        if (!(anyPositive && anyNegative))
        {
            throw new FinancialCalculationException("MIRR needs at least one positive and one negative cash flow (Excel's #DIV/0!).");
        }
        int n = values.Length;
        // MIRR = ratio^(1/(n-1)) - 1 with ratio = (1 + reinvest)^(n-1) (PV of positives at reinvest) / -(PV of
        // negatives at finance): Excel's FV-based formula, without (1 + reinvest)^(n-1) overflowing for long flows.
        // The root is taken of |1 + reinvest| and |PV ratio| separately; the sign is tracked (1 + rate < 0 is allowed).
        double growth = 1.0 + reinvestRate;
        double positive = FinanceKernels.PolynomialOfSign(values, 1.0 / growth, positive: true);
        double negative = FinanceKernels.PolynomialOfSign(values, 1.0 / (1.0 + financeRate), positive: false);
        double quotient = positive / -negative;
        int power = n - 1;
        bool negativeRatio = (quotient < 0) != (growth < 0 && (power & 1) == 1);
        if (quotient == 0 || (negativeRatio && (power & 1) == 0))
        {
            throw new FinancialCalculationException(
                "MIRR has no real result for these flows and rates: the ratio of future to present value is zero, or negative under an even root (Excel's #NUM!).");
        }
        double root = Math.Abs(growth) * Math.Pow(Math.Abs(quotient), 1.0 / power);
        double result = (negativeRatio ? -root : root) - 1.0;
        if (!double.IsFinite(result))
        {
            throw FinanceChecks.NonFinite("MIRR");
        }
        return result;
    }

    private static void CheckIrrArguments(ReadOnlySpan<double> values, double guess, out bool bothSigns)
    {
        if (!double.IsFinite(guess) || guess <= -1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(guess), guess,
                $"Guess must be a finite rate greater than -1 (-100%); it was {FinanceChecks.Format(guess)}.");
        }
        FinanceChecks.CheckNotEmpty(values, nameof(values));
        FinanceKernels.Scan(values, out bool finite, out bool positive, out bool negative);
        if (!finite)
        {
            FinanceChecks.CheckAllFinite(values, nameof(values));
        }
        bothSigns = positive && negative;
    }

    private static void CheckDates(ReadOnlySpan<double> values, ReadOnlySpan<LocalDate> dates)
    {
        if (dates.Length != values.Length)
        {
            throw new ArgumentException(
                $"There must be one date per cash flow; there were {values.Length.ToString(CultureInfo.InvariantCulture)} values and {dates.Length.ToString(CultureInfo.InvariantCulture)} dates.",
                nameof(dates));
        }
    }

    /// <summary>Days from the first date (rejecting a date before it, as Excel does); returns the largest offset.</summary>
    private static int ComputeOffsets(ReadOnlySpan<LocalDate> dates, Span<int> offsets)
    {
        var days = default(DayCounter);
        int first = days.Of(dates[0]);
        int max = 0;
        for (int i = 0; i < dates.Length; i++)
        {
            int offset = days.Of(dates[i]) - first;
            if (offset < 0)
            {
                throw DatePrecedesFirst(dates, i);
            }
            offsets[i] = offset;
            max = Math.Max(max, offset);
        }
        return max;
    }

    private static ArgumentException DatePrecedesFirst(ReadOnlySpan<LocalDate> dates, int i) => new(
        $"No date may precede the first date ({CloudEconomics.Serialization.IsoDate.Format(dates[0])}); the date at index {i.ToString(CultureInfo.InvariantCulture)} was {CloudEconomics.Serialization.IsoDate.Format(dates[i])}.",
        "dates");

    /// <summary>
    /// <see cref="DayNumber(LocalDate)"/> for a run of dates, remembering the start of the last year seen: dates of cash flows
    /// cluster in a few years, so most conversions are a table lookup and additions.
    /// </summary>
    private struct DayCounter
    {
        private int _year;
        private int _yearStart;
        private bool _leap;
        private bool _started;

        private static ReadOnlySpan<int> DaysBeforeMonth => [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

        internal int Of(LocalDate date)
        {
            if (!ReferenceEquals(date.Calendar, CalendarSystem.Iso))
            {
                return DayNumber(date);
            }
            unchecked
            {
                int y = date.Year;
                if (y != _year || !_started)
                {
                    _started = true;
                    _year = y;
                    _yearStart = DayNumber(y, 1, 1);
                    _leap = (y % 4 == 0) && ((y % 100 != 0) || (y % 400 == 0));
                }
                int m = date.Month;
                return _yearStart + DaysBeforeMonth[m] + (m > 2 && _leap ? 1 : 0) + date.Day - 1;
            }
        }
    }

    /// <summary>A day count that is consecutive across the ISO calendar (days since 0001-01-01).</summary>
    internal static int DayNumber(LocalDate date)
    {
        if (!ReferenceEquals(date.Calendar, CalendarSystem.Iso))
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }
        return DayNumber(date.Year, date.Month, date.Day);
    }

    /// <summary>Days since 0001-01-01 of an ISO (proleptic Gregorian) year, month and day.</summary>
    private static int DayNumber(int year, int month, int day)
    {
        // Days from civil (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), shifted to 0001-01-01 = 0.
        // Unchecked: ISO years are within -9998..9999, so nothing can overflow, and the project-wide overflow
        // checks would otherwise double the cost of this conversion, which dominates XNPV for short inputs.
        unchecked
        {
            int y = year, m = month, d = day;
            y -= m <= 2 ? 1 : 0;
            int era = (y >= 0 ? y : y - 399) / 400;
            int yoe = y - (era * 400);
            int doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
            int doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
            return (era * 146097) + doe - 719468 + 719162;
        }
    }
}
