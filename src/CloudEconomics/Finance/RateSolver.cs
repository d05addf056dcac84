namespace CloudEconomics.Finance;

/// <summary>
/// Root finding for IRR and XIRR: Newton's method from the caller's guess (as Excel does, so that where several
/// roots exist the answer is the one Excel finds from the same guess), then, if Newton fails, a scan of
/// L = ln(1+r) over (-30, 30) (rates from -100% + 1e-13 to about 1e13) for sign changes and Brent's method on the
/// bracket nearest the guess. Allocation-free.
/// </summary>
internal static class RateSolver
{
    private const int NewtonIterations = 60;
    private const double NewtonTolerance = 1e-13;

    /// <summary>IRR: Newton from the guess, then the bracketing scan.</summary>
    internal static bool TryIrr(ReadOnlySpan<double> values, double guess, out double rate)
        => TryIrrNewton(values, guess, out rate) || TryBracket(values, default, values.Length - 1, guess, out rate);

    /// <summary>Newton for IRR on f(r) = P(1/(1+r)), at most 60 steps; false when a step fails or the steps run out.</summary>
    internal static bool TryIrrNewton(ReadOnlySpan<double> values, double guess, out double rate)
        => TryIrrNewton(values, guess, out rate, out _);

    /// <summary><see cref="TryIrrNewton(ReadOnlySpan{double}, double, out double)"/>, with the number of steps taken.</summary>
    internal static bool TryIrrNewton(ReadOnlySpan<double> values, double guess, out double rate, out int steps)
    {
        var search = new NewtonSearch(guess, NewtonIterations, NewtonTolerance, earlyStop: true);
        while (search.Next(out double r))
        {
            double d = 1.0 / (1.0 + r);
            FinanceKernels.PolynomialWithDerivative(values, d, out double p, out double dp);
            search.Step(p, -d * d * dp);
        }
        steps = search.Steps;
        return search.TryResult(out rate);
    }

    /// <summary>XIRR: Newton from the guess, then the bracketing scan.</summary>
    internal static bool TryXirr(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, int maxOffset, double guess, Span<double> table, out double rate)
        => TryXirrNewton(values, offsets, maxOffset, guess, table, out rate) || TryBracket(values, offsets, maxOffset / 365.0, guess, out rate);

    /// <summary>Newton for XIRR on f(r) = sum v_i (1+r)^(-t_i/365), at most 60 steps; false when a step fails or the steps run out.</summary>
    internal static bool TryXirrNewton(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, int maxOffset, double guess, Span<double> table, out double rate)
        => TryXirrNewton(values, offsets, maxOffset, guess, table, out rate, out _);

    /// <summary><see cref="TryXirrNewton(ReadOnlySpan{double}, ReadOnlySpan{int}, int, double, Span{double}, out double)"/>, with the number of steps taken.</summary>
    internal static bool TryXirrNewton(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, int maxOffset, double guess, Span<double> table, out double rate, out int steps)
    {
        var search = new NewtonSearch(guess, NewtonIterations, NewtonTolerance, earlyStop: true);
        while (search.Next(out double r))
        {
            FinanceKernels.DatedSums(values, offsets, maxOffset, r, table, out double f, out double s);
            search.Step(f, -s / (365.0 * (1.0 + r)));
        }
        steps = search.Steps;
        return search.TryResult(out rate);
    }

    /// <summary>The grid of L = ln(1+r) scanned for sign changes: fine near zero, coarse far out.</summary>
    internal static double GridPoint(int k)
    {
        // k = 0..(CoarseSteps-1): -30 .. -2 step 0.25; then -2 .. 3 step 0.01; then 3 .. 30 step 0.25.
        const int low = 112, mid = 500;
        if (k < low)
        {
            return -30.0 + (0.25 * k);
        }
        if (k < low + mid)
        {
            return -2.0 + (0.01 * (k - low));
        }
        return 3.0 + (0.25 * (k - low - mid));
    }

    internal const int GridCount = 112 + 500 + 109;

    /// <summary>A function of L = ln(1+r) whose sign is that of the function whose root is sought, scaled so nothing overflows.</summary>
    internal delegate double ScaledFunction(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, double tMax, double logGrowth);

    /// <summary>Bracketing fallback for IRR and XIRR: the root nearest the guess in ln(1+r), or false when no sign change exists.</summary>
    internal static bool TryBracket(ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, double tMax, double guess, out double rate)
        => TryBracket(FinanceKernels.ScaledPresentValue, values, offsets, tMax, guess, out rate);

    /// <summary>
    /// Bracketing fallback shared by IRR, XIRR and RATE: scans the grid of ln(1+r) for sign changes of
    /// <paramref name="scaled"/>, takes the bracket nearest the guess and refines it with Brent's method; false when no
    /// sign change exists. The function is a static method (a cached delegate): nothing is allocated.
    /// </summary>
    internal static bool TryBracket(ScaledFunction scaled, ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, double tMax, double guess, out double rate)
    {
        double target = FinanceMath.Log1P(guess);
        double bestLo = double.NaN, bestHi = double.NaN, bestFlo = 0, bestFhi = 0, bestDistance = double.PositiveInfinity;
        double previousL = GridPoint(0);
        double previousF = scaled(values, offsets, tMax, previousL);
        for (int k = 1; k < GridCount; k++)
        {
            double l = GridPoint(k);
            double f = scaled(values, offsets, tMax, l);
            if (double.IsFinite(f) && double.IsFinite(previousF) && ((previousF <= 0 && f >= 0) || (previousF >= 0 && f <= 0)) && !(previousF == 0 && f == 0))
            {
                double distance = Math.Abs((0.5 * (previousL + l)) - target);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    bestLo = previousL;
                    bestHi = l;
                    bestFlo = previousF;
                    bestFhi = f;
                }
            }
            previousL = l;
            previousF = f;
        }
        if (double.IsNaN(bestLo))
        {
            rate = 0;
            return false;
        }
        // A zero at an end of the bracket is Brent's answer at once (its first IsConverged returns that end), and Brent
        // never leaves the bracket, so the root is within [-30, 30] and the rate finite and above -100%.
        var solver = new BrentSolver(bestLo, bestHi, bestFlo, bestFhi, 1e-16);
        while (!solver.IsConverged(out double x) && solver.Iterations < BrentSolver.MaxIterations)
        {
            solver.Update(scaled(values, offsets, tMax, x));
        }
        rate = FinanceMath.ExpM1(solver.Root);
        return true;
    }
}
