namespace CloudEconomics.Inference;

/// <summary>
/// A plain Nelder–Mead simplex minimiser (Nelder and Mead, 1965; coefficients 1, 2, 0.5, 0.5 as in Lagarias et al.,
/// 1998) for a handful of unbounded parameters. Bounds are handled by the caller through a transform.
/// </summary>
internal static class NelderMead
{
    public static double[] Minimize(Func<double[], double> f, double[] start, double step, int maxEvaluations, double tolerance)
    {
        int n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        points[0] = (double[])start.Clone();
        values[0] = f(points[0]);
        for (int i = 0; i < n; i++)
        {
            var p = (double[])start.Clone();
            p[i] += step;
            points[i + 1] = p;
            values[i + 1] = f(p);
        }
        int evaluations = n + 1;
        var order = new int[n + 1];
        while (evaluations < maxEvaluations)
        {
            for (int i = 0; i <= n; i++)
            {
                order[i] = i;
            }
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[n], second = order[n - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance * (Math.Abs(values[best]) + 1e-12) && Spread(points, best) < 1e-6)
            {
                break;
            }
            var centroid = new double[n];
            for (int i = 0; i <= n; i++)
            {
                if (i == worst)
                {
                    continue;
                }
                for (int j = 0; j < n; j++)
                {
                    centroid[j] += points[i][j] / n;
                }
            }
            double[] Along(double t)
            {
                var x = new double[n];
                for (int j = 0; j < n; j++)
                {
                    x[j] = centroid[j] + t * (points[worst][j] - centroid[j]);
                }
                return x;
            }
            var reflected = Along(-1);
            double fr = f(reflected);
            evaluations++;
            if (fr < values[best])
            {
                var expanded = Along(-2);
                double fe = f(expanded);
                evaluations++;
                (points[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
                continue;
            }
            if (fr < values[second])
            {
                (points[worst], values[worst]) = (reflected, fr);
                continue;
            }
            var contracted = fr < values[worst] ? Along(-0.5) : Along(0.5);
            double fc = f(contracted);
            evaluations++;
            if (fc < Math.Min(fr, values[worst]))
            {
                (points[worst], values[worst]) = (contracted, fc);
                continue;
            }
            for (int i = 0; i <= n; i++)
            {
                if (i == best)
                {
                    continue;
                }
                for (int j = 0; j < n; j++)
                {
                    points[i][j] = points[best][j] + 0.5 * (points[i][j] - points[best][j]);
                }
                values[i] = f(points[i]);
                evaluations++;
            }
        }
        int argmin = 0;
        for (int i = 1; i <= n; i++)
        {
            if (values[i] < values[argmin])
            {
                argmin = i;
            }
        }
        return points[argmin];
    }

    private static double Spread(double[][] points, int best)
    {
        double max = 0;
        foreach (var p in points)
        {
            for (int j = 0; j < p.Length; j++)
            {
                max = Math.Max(max, Math.Abs(p[j] - points[best][j]));
            }
        }
        return max;
    }
}
