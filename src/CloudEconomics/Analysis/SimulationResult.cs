using System.Globalization;
using System.Text;

namespace CloudEconomics.Analysis;

/// <summary>The summary of a Monte Carlo run of one model's output. All statistics are in <see cref="OutputUnit"/> unless stated.</summary>
public sealed class SimulationResult
{
    private readonly double[] _percentiles;
    private readonly double[]? _samples;

    internal SimulationResult(string modelName, string outputUnit, int draws, ulong seed, double mean, double standardDeviation,
        double minimum, double maximum, double[] percentiles, Histogram histogram, IReadOnlyList<ConditionResult> conditions,
        IReadOnlyList<ConvergencePoint> convergence, double[]? samples)
    {
        ModelName = modelName;
        OutputUnit = outputUnit;
        Draws = draws;
        Seed = seed;
        Mean = mean;
        StandardDeviation = standardDeviation;
        Minimum = minimum;
        Maximum = maximum;
        _percentiles = percentiles;
        Histogram = histogram;
        Conditions = conditions;
        Convergence = convergence;
        _samples = samples;
    }

    /// <summary>The model's name.</summary>
    public string ModelName { get; }

    /// <summary>The output unit as text.</summary>
    public string OutputUnit { get; }

    /// <summary>The number of draws.</summary>
    public int Draws { get; }

    /// <summary>The seed used.</summary>
    public ulong Seed { get; }

    /// <summary>The sample mean. Draws at the model's "not reached" output count at that value, so with
    /// <see cref="ProbabilityNotReached"/> above zero the mean is a lower bound (for payback: "at least").</summary>
    public double Mean { get; }

    /// <summary>The sample standard deviation (divisor n - 1).</summary>
    public double StandardDeviation { get; }

    /// <summary>The standard error of the mean, s / sqrt(n): the Monte Carlo uncertainty of <see cref="Mean"/>.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Draws);

    /// <summary>The smallest output drawn.</summary>
    public double Minimum { get; }

    /// <summary>The largest output drawn.</summary>
    public double Maximum { get; }

    /// <summary>5th percentile (PERCENTILE.INC); null when it falls on the model's "not reached" output (<see cref="NotReached"/>).</summary>
    public double? P5 => At(0);

    /// <summary>10th percentile (PERCENTILE.INC); null when it falls on the "not reached" output.</summary>
    public double? P10 => At(1);

    /// <summary>Median (PERCENTILE.INC at 0.5); null when it falls on the "not reached" output.</summary>
    public double? P50 => At(2);

    /// <summary>90th percentile (PERCENTILE.INC); null when it falls on the "not reached" output.</summary>
    public double? P90 => At(3);

    /// <summary>
    /// 95th percentile (PERCENTILE.INC); null when it falls on the model's "not reached" output, e.g. a cluster that has
    /// not paid back within the horizon for more than 5% of the draws (<see cref="ProbabilityNotReached"/>). A model
    /// without a "not reached" output always has a value.
    /// </summary>
    public double? P95 => At(4);

    private double? At(int index) => IsReached(_percentiles[index]) ? _percentiles[index] : null;

    /// <summary>Equal-width histogram from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
    public Histogram Histogram { get; }

    /// <summary>The estimated probability of each requested condition.</summary>
    public IReadOnlyList<ConditionResult> Conditions { get; }

    /// <summary>Running mean and standard error after 1, 2, 4, 8, ... chunks and at the end: shows whether the draw count suffices.</summary>
    public IReadOnlyList<ConvergencePoint> Convergence { get; }

    /// <summary>The model's "not reached" output (<see cref="ScenarioModel.NotReached"/>), or null when it has none.</summary>
    public NotReachedOutput? NotReached { get; internal init; }

    /// <summary>
    /// The share of draws at the model's "not reached" output (for the cluster-payback model: servers that do not pay
    /// back within the horizon); null when the model has no such output. Percentiles at that value mean "not reached".
    /// </summary>
    public double? ProbabilityNotReached { get; internal init; }

    /// <summary>
    /// The five percentiles (P5, P10, P50, P90, P95) as explicit results: each has no value (<see cref="SimulatedPercentile.IsReached"/>
    /// false) when it falls on the model's "not reached" output, e.g. a P95 payback of "not paid back within 120 months"
    /// rather than 120. Without a "not reached" output every percentile has its value.
    /// </summary>
    public IReadOnlyList<SimulatedPercentile> Percentiles =>
        [.. PercentileProbabilities.Select((p, i) => new SimulatedPercentile(p, At(i)))];

    /// <summary>One of the five percentiles as an explicit result (see <see cref="Percentiles"/>).</summary>
    /// <param name="probability">0.05, 0.10, 0.50, 0.90 or 0.95.</param>
    /// <returns>The percentile, without a value when it falls on the "not reached" output.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not one of the five computed.</exception>
    public SimulatedPercentile Percentile(double probability)
    {
        int i = Array.IndexOf(PercentileProbabilities, probability);
        if (i < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability,
                "Probability must be one of the computed percentiles 0.05, 0.1, 0.5, 0.9 or 0.95.");
        }
        return Percentiles[i];
    }

    /// <summary>Whether an output of this run is a reached value: below <see cref="NotReached"/>, or any value when the model has none.</summary>
    /// <param name="output">An output in <see cref="OutputUnit"/>, e.g. <see cref="Maximum"/>.</param>
    /// <returns>False exactly when the output is at (or beyond) the "not reached" value.</returns>
    public bool IsReached(double output) => NotReached is not { } limit || output < limit.Value;

    private static readonly double[] PercentileProbabilities = [0.05, 0.10, 0.50, 0.90, 0.95];

    /// <summary>Every output in draw order when <see cref="SimulationOptions.KeepSamples"/> was set; otherwise empty.</summary>
    public ReadOnlyMemory<double> Samples => _samples;

    /// <summary>The probability of a condition passed in the options.</summary>
    /// <param name="condition">One of <see cref="SimulationOptions.Conditions"/>.</param>
    /// <returns>The fraction of draws meeting it.</returns>
    /// <exception cref="ArgumentException">The condition was not part of the run.</exception>
    public double Probability(OutputCondition condition)
        => Conditions.FirstOrDefault(c => ReferenceEquals(c.Condition, condition))?.Probability
           ?? throw new ArgumentException($"Condition '{condition?.Name}' was not part of this simulation; pass it in SimulationOptions.Conditions.", nameof(condition));

    /// <summary>Invariant multi-line summary (4 significant digits).</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{ModelName} ({OutputUnit}), {Draws:N0} draws, seed {Seed}").AppendLine();
        sb.Append(c, $"mean {Mean:G4} (standard error {StandardError:G2}), sd {StandardDeviation:G4}").AppendLine();
        sb.Append(string.Join("  ", Percentiles.Select(p => string.Create(c,
            $"P{p.Probability * 100:0} {(p.Value is { } v ? v.ToString("G4", c) : NotReached!.Meaning)}")))).AppendLine();
        if (NotReached is { } limit && ProbabilityNotReached is { } share)
        {
            sb.Append(c, $"P({limit.Meaning}) = {share:0.0000} (output {limit.Value:G4})").AppendLine();
        }
        foreach (var condition in Conditions)
        {
            sb.Append(c, $"P(output {condition.Condition.Name}) = {condition.Probability:0.0000} +/- {condition.StandardError:0.0000}").AppendLine();
        }
        return sb.ToString();
    }
}

/// <summary>A percentile of a simulated output, explicit about "not reached".</summary>
/// <param name="Probability">The percentile's probability, e.g. 0.95 for P95.</param>
/// <param name="Value">The percentile in the output unit; null exactly when it falls on the model's "not reached" output
/// (<see cref="SimulationResult.NotReached"/>), so a censored value such as a 120-month cap is never read as a number.</param>
public readonly record struct SimulatedPercentile(double Probability, double? Value)
{
    /// <summary>Whether the percentile was reached; false exactly when <see cref="Value"/> is null.</summary>
    public bool IsReached => Value is not null;
}

/// <summary>The estimated probability of one condition.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="Count">Draws meeting it.</param>
/// <param name="Probability">Count / draws.</param>
/// <param name="StandardError">Binomial standard error sqrt(p (1 - p) / n).</param>
public sealed record ConditionResult(OutputCondition Condition, long Count, double Probability, double StandardError);

/// <summary>The running estimate after some draws.</summary>
/// <param name="Draws">Draws so far.</param>
/// <param name="Mean">Mean of those draws, in the output unit.</param>
/// <param name="StandardError">Standard error of that mean.</param>
public readonly record struct ConvergencePoint(long Draws, double Mean, double StandardError);

/// <summary>An equal-width histogram of simulated outputs.</summary>
public sealed class Histogram
{
    private readonly long[] _counts;

    internal Histogram(double minimum, double maximum, long[] counts)
    {
        Minimum = minimum;
        Maximum = maximum;
        _counts = counts;
    }

    /// <summary>Left edge of the first bin, in the output unit.</summary>
    public double Minimum { get; }

    /// <summary>Right edge of the last bin (the last bin includes it).</summary>
    public double Maximum { get; }

    /// <summary>Width of each bin; 0 when every output was equal (a single bin).</summary>
    public double BinWidth => (Maximum - Minimum) / _counts.Length;

    /// <summary>Draws per bin.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>Left edge of a bin.</summary>
    /// <param name="bin">0-based bin index.</param>
    /// <returns>Minimum + bin x width.</returns>
    public double LowerEdge(int bin) => Minimum + bin * BinWidth;

    /// <summary>A text chart, one line per bin, bars scaled to 50 characters.</summary>
    /// <returns>The chart.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        long peak = Math.Max(1, _counts.Max());
        var sb = new StringBuilder();
        for (int b = 0; b < _counts.Length; b++)
        {
            sb.Append(LowerEdge(b).ToString("G4", c).PadLeft(10)).Append(" | ")
              .Append(new string('#', (int)(_counts[b] * 50 / peak))).Append(' ').Append(_counts[b].ToString(c)).AppendLine();
        }
        return sb.ToString();
    }
}
