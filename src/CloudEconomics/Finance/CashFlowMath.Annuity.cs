namespace CloudEconomics.Finance;

public static partial class CashFlowMath
{
    /// <summary>
    /// Payment per period of an annuity, as Excel's <c>PMT(rate, nper, pv, [fv], [type])</c>: the constant payment
    /// that, with <paramref name="presentValue"/> now and <paramref name="futureValue"/> at the end, balances
    /// pv (1+r)^n + pmt (1 + r type) ((1+r)^n - 1) / r + fv = 0 (or pv + pmt n + fv = 0 when r = 0).
    /// </summary>
    /// <param name="rate">Interest rate per period, as a decimal fraction; greater than -1.</param>
    /// <param name="periods">Number of payment periods; finite and not zero.</param>
    /// <param name="presentValue">Value now (a loan received is positive), in currency units.</param>
    /// <param name="futureValue">Value left after the last payment, in currency units; Excel's default 0.</param>
    /// <param name="timing">Payments at the end (Excel's type 0, default) or beginning (type 1) of each period.</param>
    /// <returns>The payment per period, in currency units (negative when it is paid out).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, <paramref name="rate"/> is -1 or below,
    /// <paramref name="periods"/> is zero, or <paramref name="timing"/> is not a defined value.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    public static double Pmt(double rate, double periods, double presentValue, double futureValue = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        FinanceChecks.CheckRate(rate, nameof(rate));
        CheckPeriods(periods, nameof(periods));
        FinanceChecks.CheckFinite(presentValue, nameof(presentValue));
        FinanceChecks.CheckFinite(futureValue, nameof(futureValue));
        FinanceChecks.CheckTiming(timing, nameof(timing));
        return Finite(PmtCore(rate, periods, presentValue, futureValue, timing), "PMT");
    }

    /// <summary>The payment-timing factor: 1 + rate for payments at the beginning of each period, 1 at the end.</summary>
    private static double Due(double rate, PaymentTiming timing) => timing == PaymentTiming.BeginningOfPeriod ? 1.0 + rate : 1.0;

    /// <summary>
    /// Where (1+r)^n &gt; 1: the discount factor v^n = (1+r)^-n and the present annuity factor (1 - v^n) / r, both from
    /// n log1p(r) (no overflow of (1+r)^n, no cancellation); false, with both zero, where (1+r)^n &lt;= 1.
    /// </summary>
    private static bool TryDiscounted(double rate, double periods, out double discount, out double presentAnnuity)
    {
        double exponent = rate == 0.0 ? 0.0 : periods * FinanceMath.Log1P(rate);
        if (exponent > 0)
        {
            discount = Math.Exp(-exponent);
            presentAnnuity = -FinanceMath.ExpM1(-exponent) / rate;
            return true;
        }
        discount = 0;
        presentAnnuity = 0;
        return false;
    }

    // Where (1+r)^n > 1 the equation is divided through by (1+r)^n, so only v^n = (1+r)^-n &lt;= 1 appears: no
    // overflow (infinity / infinity) and no cancellation for high rates over many periods.
    internal static double PmtCore(double rate, double periods, double presentValue, double futureValue, PaymentTiming timing)
    {
        double due = Due(rate, timing);
        if (TryDiscounted(rate, periods, out double discount, out double presentAnnuity))
        {
            return -(presentValue + (futureValue * discount)) / (due * presentAnnuity);
        }
        FinanceMath.Growth(rate, periods, out double growth, out double annuity);
        return -((presentValue * growth) + futureValue) / (due * annuity);
    }

    /// <summary>
    /// Interest part of the payment in a given period, as Excel's <c>IPMT(rate, per, nper, pv, [fv], [type])</c>.
    /// </summary>
    /// <param name="rate">Interest rate per period, as a decimal fraction; greater than -1.</param>
    /// <param name="period">The period, from 1 to <paramref name="periods"/>.</param>
    /// <param name="periods">Number of payment periods; at least 1.</param>
    /// <param name="presentValue">Value now, in currency units.</param>
    /// <param name="futureValue">Value after the last payment, in currency units; default 0.</param>
    /// <param name="timing">End (default) or beginning of each period.</param>
    /// <returns>The interest in that period's payment, in currency units (negative when paid out).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, <paramref name="rate"/> is -1 or below,
    /// <paramref name="period"/> is outside 1 to <paramref name="periods"/>, or <paramref name="timing"/> is undefined.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    public static double Ipmt(double rate, double period, double periods, double presentValue, double futureValue = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        CheckPerPeriodArguments(rate, period, periods, presentValue, futureValue, timing);
        return Finite(IpmtCore(rate, period, periods, presentValue, futureValue, timing, out _, out _), "IPMT");
    }

    /// <summary>
    /// Principal part of the payment in a given period, as Excel's <c>PPMT(rate, per, nper, pv, [fv], [type])</c>:
    /// PMT minus IPMT.
    /// </summary>
    /// <param name="rate">Interest rate per period, as a decimal fraction; greater than -1.</param>
    /// <param name="period">The period, from 1 to <paramref name="periods"/>.</param>
    /// <param name="periods">Number of payment periods; at least 1.</param>
    /// <param name="presentValue">Value now, in currency units.</param>
    /// <param name="futureValue">Value after the last payment, in currency units; default 0.</param>
    /// <param name="timing">End (default) or beginning of each period.</param>
    /// <returns>The principal in that period's payment, in currency units (negative when paid out).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, <paramref name="rate"/> is -1 or below,
    /// <paramref name="period"/> is outside 1 to <paramref name="periods"/>, or <paramref name="timing"/> is undefined.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    public static double Ppmt(double rate, double period, double periods, double presentValue, double futureValue = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        CheckPerPeriodArguments(rate, period, periods, presentValue, futureValue, timing);
        IpmtCore(rate, period, periods, presentValue, futureValue, timing, out _, out double principal);
        return Finite(principal, "PPMT");
    }

    // The interest of period k is r times the balance after k-1 payments, that balance being FV(r, k-1, pmt, pv)
    // (for payments in advance FV(r, k-2, pmt, pv, 1) - pmt, and no interest in period 1): the formulation of
    // LibreOffice's ScGetIpmt, which agrees with Excel. For r > 0 that forward form subtracts two numbers of size
    // pv (1+r)^(k-1) and loses every digit for high rates over many periods; the same balance computed backwards
    // from the end, as the value of the m = n-k+1 payments still due, is pmt (1 - v^m) / r + fv v^m with
    // v = 1/(1+r) (for payments in advance fv v^(m+1) and m payments of which the first is due now), in which
    // nothing cancels. So interest = pmt (1 - v^m) + r fv v^m' and principal = pmt - interest = pmt v^m - r fv v^m'.
    private static double IpmtCore(double rate, double period, double periods, double presentValue, double futureValue, PaymentTiming timing, out double payment, out double principal)
    {
        payment = PmtCore(rate, periods, presentValue, futureValue, timing);
        bool advance = timing == PaymentTiming.BeginningOfPeriod;
        if (advance && period == 1.0)
        {
            principal = payment;
            return 0.0;
        }
        if (rate > 0)
        {
            double log = FinanceMath.Log1P(rate);
            double remaining = periods - period + 1.0;
            double discount = Math.Exp(-remaining * log);
            double fvDiscount = advance ? Math.Exp(-(remaining + 1.0) * log) : discount;
            principal = (payment * discount) - (futureValue * (rate * fvDiscount));
            if (period == 1.0)
            {
                return -presentValue * rate;
            }
            return (-payment * FinanceMath.ExpM1(-remaining * log)) + (futureValue * (rate * fvDiscount));
        }
        double interest;
        if (period == 1.0)
        {
            interest = -presentValue;
        }
        else if (advance)
        {
            interest = FvCore(rate, period - 2.0, payment, presentValue, PaymentTiming.BeginningOfPeriod) - payment;
        }
        else
        {
            interest = FvCore(rate, period - 1.0, payment, presentValue, PaymentTiming.EndOfPeriod);
        }
        interest *= rate;
        principal = payment - interest;
        return interest;
    }

    /// <summary>
    /// Present value of an annuity, as Excel's <c>PV(rate, nper, pmt, [fv], [type])</c>.
    /// </summary>
    /// <param name="rate">Interest rate per period, as a decimal fraction; greater than -1.</param>
    /// <param name="periods">Number of payment periods; finite.</param>
    /// <param name="payment">Payment per period, in currency units (negative when paid out).</param>
    /// <param name="futureValue">Value after the last payment, in currency units; default 0.</param>
    /// <param name="timing">End (default) or beginning of each period.</param>
    /// <returns>The present value, in currency units, with the opposite sign to the payments.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, <paramref name="rate"/> is -1 or below,
    /// or <paramref name="timing"/> is undefined.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    public static double Pv(double rate, double periods, double payment, double futureValue = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        FinanceChecks.CheckRate(rate, nameof(rate));
        FinanceChecks.CheckFinite(periods, nameof(periods));
        FinanceChecks.CheckFinite(payment, nameof(payment));
        FinanceChecks.CheckFinite(futureValue, nameof(futureValue));
        FinanceChecks.CheckTiming(timing, nameof(timing));
        return Finite(PvCore(rate, periods, payment, futureValue, timing), "PV");
    }

    // Where (1+r)^n > 1: -(fv v^n + pmt due (1 - v^n) / r), only discount factors below 1 (no overflow of (1+r)^n
    // and no division of two huge numbers).
    internal static double PvCore(double rate, double periods, double payment, double futureValue, PaymentTiming timing)
    {
        double due = Due(rate, timing);
        if (TryDiscounted(rate, periods, out double discount, out double presentAnnuity))
        {
            return -((futureValue * discount) + (payment * due * presentAnnuity));
        }
        FinanceMath.Growth(rate, periods, out double growth, out double annuity);
        return -(futureValue + (payment * due * annuity)) / growth;
    }

    /// <summary>
    /// Future value of an annuity, as Excel's <c>FV(rate, nper, pmt, [pv], [type])</c>.
    /// </summary>
    /// <param name="rate">Interest rate per period, as a decimal fraction; greater than -1.</param>
    /// <param name="periods">Number of payment periods; finite.</param>
    /// <param name="payment">Payment per period, in currency units (negative when paid out).</param>
    /// <param name="presentValue">Value now, in currency units; default 0.</param>
    /// <param name="timing">End (default) or beginning of each period.</param>
    /// <returns>The value after the last period, in currency units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, <paramref name="rate"/> is -1 or below,
    /// or <paramref name="timing"/> is undefined.</exception>
    /// <exception cref="FinancialCalculationException">The result overflows.</exception>
    public static double Fv(double rate, double periods, double payment, double presentValue = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        FinanceChecks.CheckRate(rate, nameof(rate));
        FinanceChecks.CheckFinite(periods, nameof(periods));
        FinanceChecks.CheckFinite(payment, nameof(payment));
        FinanceChecks.CheckFinite(presentValue, nameof(presentValue));
        FinanceChecks.CheckTiming(timing, nameof(timing));
        return Finite(FvCore(rate, periods, payment, presentValue, timing), "FV");
    }

    // FV = -(pv g + pmt (1 + r t) (g - 1) / r) with g = (1+r)^n. For a loan that (nearly) amortizes, pv g and the
    // payments' term are huge and nearly cancel; written -((pv + q) g - q) with q = pmt (1 + r t) / r = pmt / r + t pmt,
    // and pv + q summed exactly enough (q as a double-double from a fused multiply-add), the cancellation happens
    // before the multiplication by g, so the error is about one rounding of q instead of one rounding of pv g.
    internal static double FvCore(double rate, double periods, double payment, double presentValue, PaymentTiming timing)
    {
        FinanceMath.Growth(rate, periods, out double growth, out double annuity);
        double due = Due(rate, timing);
        if (rate <= 0 || growth <= 2.0 || !double.IsFinite(growth))
        {
            return -((presentValue * growth) + (payment * due * annuity));
        }
        double quotient = payment / rate;
        double quotientError = -Math.FusedMultiplyAdd(quotient, rate, -payment) / rate;
        double extra = timing == PaymentTiming.BeginningOfPeriod ? payment : 0.0;
        // c = pv + quotient + quotientError + extra, with the rounding errors of the two sums kept.
        double s1 = FinanceMath.TwoSum(presentValue, quotient, out double e1);
        double s2 = FinanceMath.TwoSum(s1, extra, out double e2);
        double c = s2 + (e1 + e2 + quotientError);
        double q = quotient + (quotientError + extra);
        return -((c * growth) - q);
    }

    /// <summary>
    /// Number of periods, as Excel's <c>NPER(rate, pmt, pv, [fv], [type])</c>:
    /// ln((pmt (1 + r type) - fv r) / (pmt (1 + r type) + pv r)) / ln(1 + r), or -(pv + fv) / pmt when r = 0.
    /// </summary>
    /// <param name="rate">Interest rate per period, as a decimal fraction; greater than -1.</param>
    /// <param name="payment">Payment per period, in currency units.</param>
    /// <param name="presentValue">Value now, in currency units.</param>
    /// <param name="futureValue">Value after the last payment, in currency units; default 0.</param>
    /// <param name="timing">End (default) or beginning of each period.</param>
    /// <returns>The number of periods (may be fractional, or negative as in Excel when the signs say so).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, <paramref name="rate"/> is -1 or below,
    /// or <paramref name="timing"/> is undefined.</exception>
    /// <exception cref="FinancialCalculationException">No number of periods balances the flows (Excel's <c>#NUM!</c>),
    /// or the rate and payment are both zero (Excel's <c>#DIV/0!</c>).</exception>
    public static double Nper(double rate, double payment, double presentValue, double futureValue = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod)
    {
        FinanceChecks.CheckRate(rate, nameof(rate));
        FinanceChecks.CheckFinite(payment, nameof(payment));
        FinanceChecks.CheckFinite(presentValue, nameof(presentValue));
        FinanceChecks.CheckFinite(futureValue, nameof(futureValue));
        FinanceChecks.CheckTiming(timing, nameof(timing));
        if (rate == 0.0)
        {
            if (payment == 0.0)
            {
                throw new FinancialCalculationException("NPER is undefined when both the rate and the payment are zero (Excel's #DIV/0!).");
            }
            return Finite(-(presentValue + futureValue) / payment, "NPER");
        }
        double due = timing == PaymentTiming.BeginningOfPeriod ? payment * (1.0 + rate) : payment;
        double numerator = due - (futureValue * rate);
        double denominator = due + (presentValue * rate);
        double ratio = numerator / denominator;
        if (!(ratio > 0) || !double.IsFinite(ratio))
        {
            throw new FinancialCalculationException("NPER: no number of periods balances these payment, present value and future value at this rate (Excel's #NUM!).");
        }
        return Finite(Math.Log(ratio) / FinanceMath.Log1P(rate), "NPER");
    }

    /// <summary>
    /// Interest rate per period of an annuity, as Excel's <c>RATE(nper, pmt, pv, [fv], [type], [guess])</c>: the rate
    /// r solving pv (1+r)^n + pmt (1 + r type) ((1+r)^n - 1) / r + fv = 0, by Newton's method from the guess and,
    /// failing that, bracketing over (-100%, about 1e13).
    /// </summary>
    /// <param name="periods">Number of payment periods; greater than zero.</param>
    /// <param name="payment">Payment per period, in currency units.</param>
    /// <param name="presentValue">Value now, in currency units.</param>
    /// <param name="futureValue">Value after the last payment, in currency units; default 0.</param>
    /// <param name="timing">End (default) or beginning of each period.</param>
    /// <param name="guess">Where Newton's method starts; greater than -1; Excel's default 0.1.</param>
    /// <returns>The rate per period, as a decimal fraction, greater than -1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, <paramref name="periods"/> is not
    /// positive, <paramref name="guess"/> is -1 or below, or <paramref name="timing"/> is undefined.</exception>
    /// <exception cref="FinancialCalculationException">No rate solves the equation (Excel's <c>#NUM!</c>).</exception>
    public static double Rate(double periods, double payment, double presentValue, double futureValue = 0, PaymentTiming timing = PaymentTiming.EndOfPeriod, double guess = 0.1)
    {
        if (!double.IsFinite(periods) || periods <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"Number of periods must be a finite number greater than zero; it was {FinanceChecks.Format(periods)}.");
        }
        FinanceChecks.CheckFinite(payment, nameof(payment));
        FinanceChecks.CheckFinite(presentValue, nameof(presentValue));
        FinanceChecks.CheckFinite(futureValue, nameof(futureValue));
        FinanceChecks.CheckTiming(timing, nameof(timing));
        if (!double.IsFinite(guess) || guess <= -1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(guess), guess, $"Guess must be a finite rate greater than -1 (-100%); it was {FinanceChecks.Format(guess)}.");
        }
        if (!AnnuitySolver.TryRate(periods, payment, presentValue, futureValue, timing == PaymentTiming.BeginningOfPeriod, guess, out double rate))
        {
            throw new FinancialCalculationException("RATE found no rate above -100% at which these payments, present value and future value balance (Excel's #NUM!).");
        }
        return rate;
    }

    /// <summary>
    /// Effective annual rate, as Excel's <c>EFFECT(nominal_rate, npery)</c>: (1 + nominal / n)^n - 1, with
    /// <paramref name="periodsPerYear"/> truncated to an integer n.
    /// </summary>
    /// <param name="nominalRate">Nominal annual rate, as a decimal fraction; greater than zero.</param>
    /// <param name="periodsPerYear">Compounding periods per year; truncated; at least 1.</param>
    /// <returns>The effective annual rate, as a decimal fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nominalRate"/> is not positive or
    /// <paramref name="periodsPerYear"/> is below 1 (Excel's <c>#NUM!</c>), or either is not finite.</exception>
    public static double Effect(double nominalRate, double periodsPerYear)
    {
        if (!double.IsFinite(nominalRate) || nominalRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nominalRate), nominalRate, $"Nominal rate must be a finite number greater than zero; it was {FinanceChecks.Format(nominalRate)}.");
        }
        double n = CheckPeriodsPerYear(periodsPerYear);
        return Finite(FinanceMath.ExpM1(n * FinanceMath.Log1P(nominalRate / n)), "EFFECT");
    }

    /// <summary>
    /// Nominal annual rate, as Excel's <c>NOMINAL(effect_rate, npery)</c>: n ((1 + effective)^(1/n) - 1), with
    /// <paramref name="periodsPerYear"/> truncated to an integer n.
    /// </summary>
    /// <param name="effectiveRate">Effective annual rate, as a decimal fraction; greater than zero.</param>
    /// <param name="periodsPerYear">Compounding periods per year; truncated; at least 1.</param>
    /// <returns>The nominal annual rate, as a decimal fraction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effectiveRate"/> is not positive or
    /// <paramref name="periodsPerYear"/> is below 1 (Excel's <c>#NUM!</c>), or either is not finite.</exception>
    public static double Nominal(double effectiveRate, double periodsPerYear)
    {
        if (!double.IsFinite(effectiveRate) || effectiveRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(effectiveRate), effectiveRate, $"Effective rate must be a finite number greater than zero; it was {FinanceChecks.Format(effectiveRate)}.");
        }
        double n = CheckPeriodsPerYear(periodsPerYear);
        return Finite(n * FinanceMath.ExpM1(FinanceMath.Log1P(effectiveRate) / n), "NOMINAL");
    }

    private static double CheckPeriodsPerYear(double periodsPerYear)
    {
        if (!double.IsFinite(periodsPerYear) || periodsPerYear < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, $"Periods per year must be a finite number of at least 1 (it is truncated to an integer); it was {FinanceChecks.Format(periodsPerYear)}.");
        }
        return Math.Truncate(periodsPerYear);
    }

    private static void CheckPeriods(double periods, string paramName)
    {
        if (!double.IsFinite(periods) || periods == 0)
        {
            throw new ArgumentOutOfRangeException(paramName, periods, $"Number of periods must be a finite number other than zero; it was {FinanceChecks.Format(periods)}.");
        }
    }

    private static void CheckPerPeriodArguments(double rate, double period, double periods, double presentValue, double futureValue, PaymentTiming timing)
    {
        FinanceChecks.CheckRate(rate, nameof(rate));
        if (!double.IsFinite(periods) || periods < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, $"Number of periods must be a finite number of at least 1; it was {FinanceChecks.Format(periods)}.");
        }
        if (!double.IsFinite(period) || period < 1 || period > periods)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"Period must be between 1 and the number of periods ({FinanceChecks.Format(periods)}); it was {FinanceChecks.Format(period)}.");
        }
        FinanceChecks.CheckFinite(presentValue, nameof(presentValue));
        FinanceChecks.CheckFinite(futureValue, nameof(futureValue));
        FinanceChecks.CheckTiming(timing, nameof(timing));
    }

    private static double Finite(double value, string function)
    {
        if (!double.IsFinite(value))
        {
            throw FinanceChecks.NonFinite(function);
        }
        return value;
    }
}
