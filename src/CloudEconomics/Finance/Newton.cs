using System.Runtime.CompilerServices;

namespace CloudEconomics.Finance;

/// <summary>What one Newton step on a rate decided.</summary>
internal enum NewtonOutcome
{
    /// <summary>Take another step from the updated rate.</summary>
    Continue = 0,
    /// <summary>The rate is the root (to the tolerance).</summary>
    Converged = 1,
    /// <summary>Newton cannot go on (non-finite value, flat slope, or a step to -100% or below): bracket instead.</summary>
    Failed = 2,
}

/// <summary>
/// The one Newton step shared by IRR, XIRR and RATE (each evaluates its own function and slope, which is where they
/// differ): r becomes r - f / f', accepted while the new rate stays above -100%.
/// </summary>
internal static class Newton
{
    /// <summary>One step from <paramref name="rate"/> given f(rate) and f'(rate).</summary>
    /// <param name="rate">The current rate; updated to the next one unless the step fails or f is exactly zero.</param>
    /// <param name="value">f(rate).</param>
    /// <param name="slope">f'(rate).</param>
    /// <param name="previousStep">The size of the last step (start with +infinity); updated.</param>
    /// <param name="tolerance">Converged when the step is at most this times max(1, |rate|).</param>
    /// <param name="earlyStop">Also converged when convergence is quadratic (this step at most a thousandth of the last)
    /// and the step is at most 1e-7 x max(1, |rate|): the error of the new rate, about (f''/2f') step^2, is then far
    /// below 1e-12, so one evaluation is saved.</param>
    /// <returns>Whether to continue, the rate has converged, or Newton failed.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static NewtonOutcome Step(ref double rate, double value, double slope, ref double previousStep, double tolerance, bool earlyStop)
    {
        if (!double.IsFinite(value) || !double.IsFinite(slope) || slope == 0.0)
        {
            return NewtonOutcome.Failed;
        }
        if (value == 0.0)
        {
            return NewtonOutcome.Converged;
        }
        double next = rate - (value / slope);
        if (!double.IsFinite(next) || next <= -1.0)
        {
            return NewtonOutcome.Failed;
        }
        double step = Math.Abs(next - rate);
        double scale = Math.Max(1.0, Math.Abs(next));
        rate = next;
        if (step <= tolerance * scale || (earlyStop && step <= 1e-7 * scale && step <= 1e-3 * previousStep))
        {
            return NewtonOutcome.Converged;
        }
        previousStep = step;
        return NewtonOutcome.Continue;
    }
}

/// <summary>
/// The one Newton iteration of IRR, XIRR and RATE: the caller evaluates f and f' at <see cref="Next"/>'s point and hands
/// them to <see cref="Step"/>, until the search converges, fails or runs out of steps.
/// </summary>
/// <example><code>
/// var search = new NewtonSearch(guess, maxSteps: 60, tolerance: 1e-13, earlyStop: true);
/// while (search.Next(out double r)) { search.Step(F(r), Slope(r)); }
/// return search.TryResult(out rate);
/// </code></example>
internal struct NewtonSearch
{
    private readonly int maxSteps;
    private readonly double tolerance;
    private readonly bool earlyStop;
    private double rate;
    private double previousStep;
    private int steps;
    private NewtonOutcome outcome;

    /// <summary>Starts at <paramref name="guess"/>.</summary>
    /// <param name="guess">The first rate.</param>
    /// <param name="maxSteps">The most steps taken.</param>
    /// <param name="tolerance">See <see cref="Newton.Step"/>.</param>
    /// <param name="earlyStop">See <see cref="Newton.Step"/>.</param>
    internal NewtonSearch(double guess, int maxSteps, double tolerance, bool earlyStop)
    {
        this.maxSteps = maxSteps;
        this.tolerance = tolerance;
        this.earlyStop = earlyStop;
        rate = guess;
        previousStep = double.PositiveInfinity;
        steps = 0;
        outcome = NewtonOutcome.Continue;
    }

    /// <summary>Whether another evaluation is wanted, and at which rate.</summary>
    /// <param name="point">The rate to evaluate f and f' at.</param>
    /// <returns>False once the search has converged, failed or taken its steps.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Next(out double point)
    {
        point = rate;
        return outcome == NewtonOutcome.Continue && steps < maxSteps;
    }

    /// <summary>One step with f and f' at the point <see cref="Next"/> gave.</summary>
    /// <param name="value">f(point).</param>
    /// <param name="slope">f'(point).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Step(double value, double slope)
    {
        steps++;
        outcome = Newton.Step(ref rate, value, slope, ref previousStep, tolerance, earlyStop);
    }

    /// <summary>The steps taken so far (for the tests of the path taken).</summary>
    internal readonly int Steps => steps;

    /// <summary>The root when the search converged.</summary>
    /// <param name="root">The root; 0 when the search did not converge.</param>
    /// <returns>Whether it converged.</returns>
    internal readonly bool TryResult(out double root)
    {
        root = outcome == NewtonOutcome.Converged ? rate : 0;
        return outcome == NewtonOutcome.Converged;
    }
}
