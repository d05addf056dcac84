using CloudEconomics.Finance;
using CloudEconomics.Utility;

namespace CloudEconomics.Analysis;

/// <summary>Breakeven search: the value of one input at which the output hits a target, others at base.</summary>
/// <remarks>
/// The search interval is scanned at <see cref="ScanIntervals"/> equal steps for the first step (from the low end)
/// where output - target changes sign, then Brent's method refines the root inside that step to about 1e-12 of the
/// interval width. A model with several crossings returns the one nearest the low end. When no step changes sign
/// the result says so (<see cref="BreakevenResult.IsFound"/> is false) and reports the lowest and highest outputs seen.
/// </remarks>
public static class Breakeven
{
    /// <summary>Number of equal steps scanned for a sign change before root refinement.</summary>
    public const int ScanIntervals = 64;

    /// <summary>Searches the input's own range [<see cref="ScenarioInput.Low"/>, <see cref="ScenarioInput.High"/>].</summary>
    /// <param name="model">The model.</param>
    /// <param name="input">The input to solve for (an input of <paramref name="model"/>).</param>
    /// <param name="target">The output to hit, in the model's output unit; finite.</param>
    /// <returns>The breakeven, or a result saying there is none in range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not from the model or its range is a single point.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not finite.</exception>
    /// <exception cref="ScenarioEvaluationException">The model failed at a point of the search.</exception>
    public static BreakevenResult FindBreakeven(this ScenarioModel model, ScenarioInput input, double target)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        return FindBreakeven(model, input, target, input.Low, input.High);
    }

    /// <summary>Searches an explicit interval of the input.</summary>
    /// <param name="model">The model.</param>
    /// <param name="input">The input to solve for.</param>
    /// <param name="target">The output to hit, in the model's output unit; finite.</param>
    /// <param name="searchLow">Low end of the search, in the input's unit; finite.</param>
    /// <param name="searchHigh">High end; finite and greater than <paramref name="searchLow"/>.</param>
    /// <returns>The breakeven, or a result saying there is none in the interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not from the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is not finite, or <paramref name="searchHigh"/> is not above <paramref name="searchLow"/>.</exception>
    /// <exception cref="ScenarioEvaluationException">The model failed at a point of the search.</exception>
    public static BreakevenResult FindBreakeven(this ScenarioModel model, ScenarioInput input, double target, double searchLow, double searchHigh)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.CheckOwned(input, nameof(input));
        Preconditions.CheckFinite(target, nameof(target));
        Preconditions.CheckFinite(searchLow, nameof(searchLow));
        Preconditions.CheckFinite(searchHigh, nameof(searchHigh));
        if (searchHigh <= searchLow)
        {
            throw new ArgumentOutOfRangeException(nameof(searchHigh), searchHigh,
                $"Input '{input.Name}': the search interval must have high above low; low was {Preconditions.Format(searchLow)} and high {Preconditions.Format(searchHigh)}.");
        }

        var values = model.BaseValues();
        int evaluations = 0;
        double F(double x)
        {
            values[input.Index] = x;
            evaluations++;
            return model.EvaluateArray(values) - target;
        }

        double step = (searchHigh - searchLow) / ScanIntervals;
        double a = searchLow, fa = F(a);
        double minOut = fa, maxOut = fa;
        if (fa == 0)
        {
            return BreakevenResult.Found(model, input, target, searchLow, searchHigh, a, fa + target, evaluations);
        }
        for (int k = 1; k <= ScanIntervals; k++)
        {
            double b = k == ScanIntervals ? searchHigh : searchLow + k * step;
            double fb = F(b);
            minOut = Math.Min(minOut, fb);
            maxOut = Math.Max(maxOut, fb);
            if (fb == 0)
            {
                return BreakevenResult.Found(model, input, target, searchLow, searchHigh, b, target, evaluations);
            }
            if (Math.Sign(fa) != Math.Sign(fb))
            {
                var solver = new BrentSolver(a, b, fa, fb, 1e-12 * (searchHigh - searchLow));
                while (!solver.IsConverged(out double x) && solver.Iterations < BrentSolver.MaxIterations)
                {
                    solver.Update(F(x));
                }
                double root = solver.Root;
                double output = F(root) + target;
                return BreakevenResult.Found(model, input, target, searchLow, searchHigh, root, output, evaluations);
            }
            a = b;
            fa = fb;
        }
        return BreakevenResult.NotFound(model, input, target, searchLow, searchHigh, minOut + target, maxOut + target, evaluations);
    }

    /// <summary>Tries to find a breakeven in the input's range.</summary>
    /// <param name="model">The model.</param>
    /// <param name="input">The input to solve for.</param>
    /// <param name="target">The output to hit; finite.</param>
    /// <param name="value">The breakeven value of the input when found; otherwise 0 (meaningless).</param>
    /// <returns>True when a breakeven lies in [Low, High].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not from the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not finite or the range is a single point.</exception>
    /// <exception cref="ScenarioEvaluationException">The model failed at a point of the search.</exception>
    public static bool TryFindBreakeven(this ScenarioModel model, ScenarioInput input, double target, out double value)
    {
        var result = FindBreakeven(model, input, target);
        value = result.Value.GetValueOrDefault();
        return result.IsFound;
    }
}
