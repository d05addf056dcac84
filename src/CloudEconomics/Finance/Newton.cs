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
