using System.Globalization;

namespace CloudEconomics.Analysis;

/// <summary>How Monte Carlo evaluates the model.</summary>
public enum SimulationEvaluation
{
    /// <summary>Vectorised sampling; the model's batch function when it has one, else its scalar function per draw.</summary>
    Auto = 0,

    /// <summary>The reference scalar loop: for each draw, draw each input and call the scalar function. Same random numbers as the other modes.</summary>
    PerDraw = 1,

    /// <summary>Vectorised sampling and the model's batch function (required).</summary>
    Vectorized = 2,
}

/// <summary>Settings of a Monte Carlo run. Each property checks its value when set.</summary>
public sealed class SimulationOptions
{
    private readonly int _draws = 100_000;
    private readonly int _histogramBins = 40;
    private readonly int? _maxDegreeOfParallelism;
    private readonly IReadOnlyList<OutputCondition> _conditions = [];

    /// <summary>Number of draws: at least 2 and at most <see cref="MonteCarlo.MaxDraws"/>. Default 100,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [2, <see cref="MonteCarlo.MaxDraws"/>].</exception>
    public int Draws
    {
        get => _draws;
        init
        {
            if (value < 2 || value > MonteCarlo.MaxDraws)
            {
                throw new ArgumentOutOfRangeException(nameof(Draws), value, string.Create(CultureInfo.InvariantCulture,
                    $"Draws must be between 2 and {MonteCarlo.MaxDraws:N0} (the documented cap: 8 bytes of memory per draw); it was {value:N0}."));
            }
            _draws = value;
        }
    }

    /// <summary>The seed: the same seed, model and draw count give bit-for-bit the same result on any thread count. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Maximum worker threads; null (the default) means all cores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value,
                    $"Maximum degree of parallelism must be at least 1 (or null for all cores); it was {value}.");
            }
            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>Bins of the result's histogram, 1 to 10,000. Default 40.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1, 10,000].</exception>
    public int HistogramBins
    {
        get => _histogramBins;
        init
        {
            if (value < 1 || value > 10_000)
            {
                throw new ArgumentOutOfRangeException(nameof(HistogramBins), value, $"Histogram bins must be between 1 and 10,000; it was {value}.");
            }
            _histogramBins = value;
        }
    }

    /// <summary>Conditions on the output whose probability to estimate (e.g. payback within 3 years).</summary>
    /// <exception cref="ArgumentNullException">The value or an element is null.</exception>
    public IReadOnlyList<OutputCondition> Conditions
    {
        get => _conditions;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Conditions));
            if (value.Any(c => c is null))
            {
                throw new ArgumentNullException(nameof(Conditions), "Conditions must not contain null.");
            }
            _conditions = value.ToArray();
        }
    }

    /// <summary>How the model is evaluated. Default <see cref="SimulationEvaluation.Auto"/>.</summary>
    public SimulationEvaluation Evaluation { get; init; } = SimulationEvaluation.Auto;

    /// <summary>Whether the result keeps every output in draw order (<see cref="SimulationResult.Samples"/>). Default false.</summary>
    public bool KeepSamples { get; init; }
}
