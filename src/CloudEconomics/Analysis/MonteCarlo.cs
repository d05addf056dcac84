using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace CloudEconomics.Analysis;

/// <summary>
/// Monte Carlo simulation of a <see cref="ScenarioModel"/>: draws every uncertain input from its distribution
/// (correlated through a Gaussian copula when the model has correlations), evaluates the output, and summarises it.
/// </summary>
/// <remarks>
/// <para><b>Reproducibility.</b> Draws are split into chunks of <see cref="ChunkSize"/>. Chunk k uses its own random
/// stream, four interleaved xoshiro256** generators seeded by SplitMix64 from (seed, k) (see <see cref="Xoshiro256StarStar"/>);
/// each chunk draws a block of m x 4,096 uniforms (m = number of uncertain inputs) and uncertain input j of draw d takes number j x 4,096 + d.
/// Chunks run in parallel but write to fixed slots, and their statistics are merged in chunk order, so a seed gives
/// bit-for-bit the same result on 1 thread or 64, and across the evaluation modes when the model has no batch function.</para>
/// <para><b>Sampling.</b> Inverse transform: x = F^-1(u). With correlations, z = Phi^-1(u) per input, z' = L z with L the
/// Cholesky factor of the correlation matrix, x = F^-1(Phi(z')) (the Gaussian copula; normal and log-normal inputs use z' directly).</para>
/// <para><b>Percentiles</b> follow Excel's PERCENTILE.INC (linear interpolation between order statistics at rank (n - 1) p)
/// and are exact: a 65,536-bin count locates the order statistics, whose bins are then sorted.</para>
/// <para><b>Cap.</b> At most <see cref="MaxDraws"/> draws (outputs are kept in memory, 8 bytes each).</para>
/// </remarks>
public static class MonteCarlo
{
    /// <summary>The largest draw count accepted: 50,000,000 (400 MB of outputs).</summary>
    public const int MaxDraws = 50_000_000;

    /// <summary>Draws per chunk (the unit of parallel work and of random streams): 4,096.</summary>
    public const int ChunkSize = 4096;

    private const int FineBins = 1 << 16;

    /// <summary>Runs a simulation.</summary>
    /// <param name="model">The model; at least one input must have a distribution.</param>
    /// <param name="options">Draws, seed, threads, histogram bins, conditions; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    /// <returns>The summary of the output distribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">No input of the model has a distribution, or <see cref="SimulationEvaluation.Vectorized"/> was asked of a model without a batch function.</exception>
    /// <exception cref="ScenarioEvaluationException">The model threw or returned NaN or infinity for a draw: the first such draw
    /// (<see cref="ScenarioEvaluationException.Draw"/>), its input values and the rule that failed are in the message; when the
    /// batch function fails, the draw is found by evaluating that chunk's draws one by one with the scalar function.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static SimulationResult Simulate(this ScenarioModel model, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new SimulationOptions();
        if (model.UncertainIndices.Length == 0)
        {
            throw new ArgumentException($"Model '{model.Name}' has no input with a distribution, so there is nothing to simulate.", nameof(model));
        }
        if (options.Evaluation == SimulationEvaluation.Vectorized && model.BatchOutput is null)
        {
            throw new ArgumentException($"Model '{model.Name}' has no batch function; build it with one or use SimulationEvaluation.Auto.", nameof(options));
        }

        int n = options.Draws;
        int chunks = (n + ChunkSize - 1) / ChunkSize;
        double[] outputs = options.KeepSamples ? new double[n] : ArrayPool<double>.Shared.Rent(n);
        try
        {

            var stats = new ChunkStats[chunks];
            int conditionCount = options.Conditions.Count;
            var conditionCounts = new long[chunks * Math.Max(1, conditionCount)];
            var errors = new Exception?[chunks];
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            };
            Parallel.For(0, chunks, parallel,
                () => new Worker(model, options),
                (k, _, worker) =>
                {
                    int start = k * ChunkSize;
                    int count = Math.Min(ChunkSize, n - start);
                    var slice = outputs.AsSpan(start, count);
                    try
                    {
                        worker.Run(k, slice);
                        stats[k] = ChunkStats.Of(slice);
                        if (!double.IsFinite(stats[k].Mean + stats[k].M2))
                        {
                            errors[k] = worker.Locate(k, start, count, null);
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        errors[k] = worker.Locate(k, start, count, e);
                    }
                    if (errors[k] is null)
                    {
                        for (int c = 0; c < conditionCount; c++)
                        {
                            var predicate = options.Conditions[c].Predicate;
                            long hits = 0;
                            foreach (double y in slice) if (predicate(y)) hits++;
                            conditionCounts[k * conditionCount + c] = hits;
                        }
                    }
                    return worker;
                },
                _ => { });

            foreach (var error in errors)
            {
                if (error is not null) throw error;
            }

            // Merge chunk statistics in chunk order (Chan et al. pairwise update): deterministic whatever the threads.
            var total = stats[0];
            var convergence = new List<ConvergencePoint> { total.ToPoint() };
            for (int k = 1; k < chunks; k++)
            {
                total = ChunkStats.Merge(total, stats[k]);
                if (((k + 1) & k) == 0 || k == chunks - 1)
                {
                    convergence.Add(total.ToPoint());
                }
            }

            var conditions = new ConditionResult[conditionCount];
            for (int c = 0; c < conditionCount; c++)
            {
                long hits = 0;
                for (int k = 0; k < chunks; k++) hits += conditionCounts[k * conditionCount + c];
                double p = (double)hits / n;
                conditions[c] = new ConditionResult(options.Conditions[c], hits, p, Math.Sqrt(p * (1 - p) / n));
            }

            var values = outputs.AsSpan(0, n);
            double[] percentiles = Percentiles(outputs, n, parallel, total.Min, total.Max, [0.05, 0.10, 0.50, 0.90, 0.95], options.HistogramBins, out long[] histogramCounts);
            var histogram = new Histogram(total.Min, total.Max, histogramCounts);
            double? notReached = null;
            if (model.NotReached is { } limit)
            {
                long count = 0;
                foreach (double v in values) if (v >= limit.Value) count++;
                notReached = (double)count / n;
            }
            return new SimulationResult(model.Name, model.OutputUnit, n, options.Seed, total.Mean, Math.Sqrt(total.M2 / (n - 1)),
                total.Min, total.Max, percentiles, histogram, conditions, convergence,
                options.KeepSamples ? outputs : null)
            {
                NotReached = model.NotReached,
                ProbabilityNotReached = notReached,
            };
        }
        finally
        {
            if (!options.KeepSamples) ArrayPool<double>.Shared.Return(outputs);
        }
    }

    /// <summary>Exact PERCENTILE.INC values via a fine histogram to locate order statistics, then sorting those bins only.</summary>
    private static double[] Percentiles(double[] outputs, int n, ParallelOptions parallel, double min, double max, double[] probabilities, int histogramBins, out long[] histogram)
    {
        var values = outputs.AsSpan(0, n);
        var result = new double[probabilities.Length];
        histogram = new long[histogramBins];
        if (min == max)
        {
            Array.Fill(result, min);
            histogram[0] = n;
            return result;
        }
        double scale = FineBins / (max - min);
        double histogramScale = histogramBins / (max - min);
        var counts = new int[FineBins];
        // Both passes over the outputs run on partitions in parallel; counts are summed in partition order and each
        // needed bin is sorted afterwards, so the result does not depend on the number of threads.
        int partitions = Math.Max(1, Math.Min(parallel.MaxDegreeOfParallelism, n / (1 << 18)));
        if (partitions == 1)
        {
            CountBins(values, min, scale, histogramScale, counts, histogram);
        }
        else
        {
            var partCounts = new int[partitions][];
            var partHistograms = new long[partitions][];
            Parallel.For(0, partitions, parallel, p =>
            {
                partCounts[p] = new int[FineBins];
                partHistograms[p] = new long[histogramBins];
                var (start, length) = Partition(n, partitions, p);
                CountBins(outputs.AsSpan(start, length), min, scale, histogramScale, partCounts[p], partHistograms[p]);
            });
            for (int p = 0; p < partitions; p++)
            {
                for (int b = 0; b < FineBins; b++) counts[b] += partCounts[p][b];
                for (int b = 0; b < histogramBins; b++) histogram[b] += partHistograms[p][b];
            }
        }
        var cumulative = new long[FineBins + 1];
        for (int b = 0; b < FineBins; b++) cumulative[b + 1] = cumulative[b] + counts[b];

        // The order statistics needed (floor and floor + 1 of each rank), the bins that hold them, and a slot per bin.
        var ranks = new List<long>();
        foreach (double p in probabilities)
        {
            long lo = (long)Math.Floor((n - 1) * p);
            ranks.Add(lo);
            ranks.Add(Math.Min(lo + 1, n - 1));
        }
        var slotOfBin = counts; // reuse: -1 = not needed, else index into lists
        Array.Fill(slotOfBin, -1);
        var lists = new List<double[]>();
        var fill = new List<int>();
        foreach (long r in ranks)
        {
            int b = UpperBound(cumulative, r);
            if (slotOfBin[b] < 0)
            {
                slotOfBin[b] = lists.Count;
                lists.Add(new double[cumulative[b + 1] - cumulative[b]]);
                fill.Add(0);
            }
        }
        if (partitions == 1)
        {
            CollectBins(values, min, scale, slotOfBin, lists, fill);
        }
        else
        {
            // Each partition fills its own lists; they are concatenated in partition order (the sort below makes the
            // order irrelevant anyway).
            var partLists = new List<double[]>[partitions];
            var partFill = new List<int>[partitions];
            Parallel.For(0, partitions, parallel, p =>
            {
                var (start, length) = Partition(n, partitions, p);
                partLists[p] = lists.Select(l => new double[l.Length]).ToList();
                partFill[p] = lists.Select(_ => 0).ToList();
                CollectBins(outputs.AsSpan(start, length), min, scale, slotOfBin, partLists[p], partFill[p]);
            });
            for (int p = 0; p < partitions; p++)
            {
                for (int slot = 0; slot < lists.Count; slot++)
                {
                    Array.Copy(partLists[p][slot], 0, lists[slot], fill[slot], partFill[p][slot]);
                    fill[slot] += partFill[p][slot];
                }
            }
        }
        foreach (var list in lists) Array.Sort(list);
        double OrderStatistic(long r)
        {
            int b = UpperBound(cumulative, r);
            return lists[slotOfBin[b]][(int)(r - cumulative[b])];
        }
        for (int i = 0; i < probabilities.Length; i++)
        {
            double h = (n - 1) * probabilities[i];
            long lo = (long)Math.Floor(h);
            double xlo = OrderStatistic(lo);
            double xhi = OrderStatistic(Math.Min(lo + 1, n - 1));
            result[i] = xlo + (h - lo) * (xhi - xlo);
        }
        return result;
    }

    /// <summary>Start and length of partition <paramref name="p"/> of <paramref name="n"/> values in <paramref name="partitions"/> nearly equal parts.</summary>
    private static (int Start, int Length) Partition(int n, int partitions, int p)
    {
        int start = (int)((long)n * p / partitions);
        int end = (int)((long)n * (p + 1) / partitions);
        return (start, end - start);
    }

    /// <summary>
    /// Counts each value in its fine bin and its histogram bin; the bin indices of a vector of values are computed
    /// together (the same truncation and clamping as <see cref="Bin"/>), the increments one by one.
    /// </summary>
    private static void CountBins(ReadOnlySpan<double> values, double min, double scale, double histogramScale, int[] counts, long[] histogram)
    {
        int histogramBins = histogram.Length;
        int w = Vector<double>.Count;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vmin = new Vector<double>(min);
            var vscale = new Vector<double>(scale);
            var vhscale = new Vector<double>(histogramScale);
            var zero = Vector<double>.Zero;
            var fineTop = new Vector<double>(FineBins - 1);
            var histogramTop = new Vector<double>(histogramBins - 1);
            for (; i <= values.Length - w; i += w)
            {
                var offset = new Vector<double>(values.Slice(i)) - vmin;
                // Clamp before truncating: same index as Bin (truncation toward zero, then clamp to [0, top]).
                var fine = Vector.ConvertToInt64(Vector.Min(Vector.Max(offset * vscale, zero), fineTop));
                var coarse = Vector.ConvertToInt64(Vector.Min(Vector.Max(offset * vhscale, zero), histogramTop));
                for (int k = 0; k < w; k++)
                {
                    counts[(int)fine[k]]++;
                    histogram[(int)coarse[k]]++;
                }
            }
        }
        for (; i < values.Length; i++)
        {
            double v = values[i];
            counts[Bin(v, min, scale)]++;
            int h = unchecked((int)((v - min) * histogramScale));
            histogram[h >= histogramBins ? histogramBins - 1 : h < 0 ? 0 : h]++;
        }
    }

    /// <summary>Copies each value whose fine bin has a slot into that slot's list.</summary>
    private static void CollectBins(ReadOnlySpan<double> values, double min, double scale, int[] slotOfBin, List<double[]> lists, List<int> fill)
    {
        int w = Vector<double>.Count;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vmin = new Vector<double>(min);
            var vscale = new Vector<double>(scale);
            var zero = Vector<double>.Zero;
            var fineTop = new Vector<double>(FineBins - 1);
            for (; i <= values.Length - w; i += w)
            {
                var fine = Vector.ConvertToInt64(Vector.Min(Vector.Max((new Vector<double>(values.Slice(i)) - vmin) * vscale, zero), fineTop));
                for (int k = 0; k < w; k++)
                {
                    int slot = slotOfBin[(int)fine[k]];
                    if (slot >= 0)
                    {
                        lists[slot][fill[slot]] = values[i + k];
                        fill[slot]++;
                    }
                }
            }
        }
        for (; i < values.Length; i++)
        {
            int slot = slotOfBin[Bin(values[i], min, scale)];
            if (slot >= 0)
            {
                lists[slot][fill[slot]] = values[i];
                fill[slot]++;
            }
        }
    }

    /// <summary>The bin b with cumulative[b] &lt;= r &lt; cumulative[b + 1].</summary>
    private static int UpperBound(long[] cumulative, long r)
    {
        int lo = 0, hi = cumulative.Length - 2;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (cumulative[mid] <= r) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static int Bin(double v, double min, double scale)
    {
        int b = unchecked((int)((v - min) * scale));
        return b >= FineBins ? FineBins - 1 : b < 0 ? 0 : b;
    }

    /// <summary>Count, mean, sum of squared deviations, min and max of a chunk.</summary>
    private struct ChunkStats
    {
        internal long Count;
        internal double Mean, M2, Min, Max;

        internal static ChunkStats Of(ReadOnlySpan<double> values)
        {
            // Two passes (sum, min, max; then squared deviations), each over two vector accumulators.
            int n = values.Length;
            int w = Vector<double>.Count;
            int i = 0;
            double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            if (Vector.IsHardwareAccelerated && n >= 2 * w)
            {
                var s0 = Vector<double>.Zero;
                var s1 = Vector<double>.Zero;
                var lo = new Vector<double>(double.PositiveInfinity);
                var hi = new Vector<double>(double.NegativeInfinity);
                for (; i <= n - 2 * w; i += 2 * w)
                {
                    var a = new Vector<double>(values.Slice(i));
                    var b = new Vector<double>(values.Slice(i + w));
                    s0 += a;
                    s1 += b;
                    lo = Vector.Min(lo, Vector.Min(a, b));
                    hi = Vector.Max(hi, Vector.Max(a, b));
                }
                sum = Vector.Sum(s0 + s1);
                for (int k = 0; k < w; k++)
                {
                    if (lo[k] < min) min = lo[k];
                    if (hi[k] > max) max = hi[k];
                }
            }
            for (; i < n; i++)
            {
                double v = values[i];
                sum += v;
                if (v < min) min = v;
                if (v > max) max = v;
            }
            double mean = sum / n, m2 = 0;
            i = 0;
            if (Vector.IsHardwareAccelerated && n >= 2 * w)
            {
                var mv = new Vector<double>(mean);
                var q0 = Vector<double>.Zero;
                var q1 = Vector<double>.Zero;
                for (; i <= n - 2 * w; i += 2 * w)
                {
                    var a = new Vector<double>(values.Slice(i)) - mv;
                    var b = new Vector<double>(values.Slice(i + w)) - mv;
                    q0 += a * a;
                    q1 += b * b;
                }
                m2 = Vector.Sum(q0 + q1);
            }
            for (; i < n; i++) m2 += (values[i] - mean) * (values[i] - mean);
            return new ChunkStats { Count = n, Mean = mean, M2 = m2, Min = min, Max = max };
        }

        internal static ChunkStats Merge(ChunkStats a, ChunkStats b)
        {
            long n = a.Count + b.Count;
            double delta = b.Mean - a.Mean;
            return new ChunkStats
            {
                Count = n,
                Mean = a.Mean + delta * b.Count / n,
                M2 = a.M2 + b.M2 + delta * delta * ((double)a.Count * b.Count / n),
                Min = Math.Min(a.Min, b.Min),
                Max = Math.Max(a.Max, b.Max),
            };
        }

        internal readonly ConvergencePoint ToPoint()
            => new(Count, Mean, Count > 1 ? Math.Sqrt(M2 / (Count - 1) / Count) : 0);
    }

    /// <summary>Per-thread buffers and the sampling/evaluation of one chunk.</summary>
    private sealed class Worker
    {
        private readonly ScenarioModel _model;
        private readonly SimulationOptions _options;
        private readonly int[] _uncertain;
        private readonly Distribution[] _distributions;
        private readonly double[]? _cholesky;
        private readonly int _inputCount;
        private readonly double[] _uniforms;
        private readonly double[] _columns;
        private readonly double[] _normals;
        private readonly double[] _column;
        private readonly double[] _row;
        private readonly ScratchBuffer _scratch = new();
        private readonly bool _perDraw;
        private readonly bool _useBatch;

        internal Worker(ScenarioModel model, SimulationOptions options)
        {
            _model = model;
            _options = options;
            _uncertain = model.UncertainIndices;
            _distributions = _uncertain.Select(i => model.Inputs[i].Distribution!).ToArray();
            _cholesky = model.Cholesky;
            _inputCount = model.Inputs.Count;
            int m = _uncertain.Length;
            _perDraw = options.Evaluation == SimulationEvaluation.PerDraw;
            _useBatch = !_perDraw && model.BatchOutput is not null;
            _row = model.BaseValues();
            _normals = new double[_cholesky is null ? 0 : _perDraw ? m : m * ChunkSize];
            _uniforms = new double[m * ChunkSize];
            if (_perDraw)
            {
                _columns = [];
                _column = [];
            }
            else
            {
                _columns = new double[_inputCount * ChunkSize];
                for (int i = 0; i < _inputCount; i++)
                {
                    _columns.AsSpan(i * ChunkSize, ChunkSize).Fill(model.Inputs[i].BaseValue);
                }
                _column = new double[ChunkSize];
            }
        }

        internal void Run(int chunk, Span<double> output)
        {
            var rng = new ChunkRandom(_options.Seed, chunk);
            if (_perDraw)
            {
                RunPerDraw(ref rng, output);
            }
            else
            {
                SampleColumns(ref rng, output.Length);
                if (_useBatch)
                {
                    _model.BatchOutput!(new ScenarioBatch(_columns, ChunkSize, output.Length, _scratch), output);
                }
                else
                {
                    var values = new ScenarioValues(_row, _model);
                    for (int d = 0; d < output.Length; d++)
                    {
                        for (int i = 0; i < _inputCount; i++) _row[i] = _columns[i * ChunkSize + d];
                        output[d] = _model.Output(values);
                    }
                }
            }
        }

        private void RunPerDraw(ref ChunkRandom rng, Span<double> output)
        {
            // The reference scalar loop: the same uniforms as the vector path (a scalar generator fills the block),
            // then for each draw each input's quantile and one call of the scalar function.
            for (int i = 0; i < _uniforms.Length; i++) _uniforms[i] = rng.NextScalar();
            var values = new ScenarioValues(_row, _model);
            for (int d = 0; d < output.Length; d++)
            {
                SampleRow(d);
                output[d] = _model.Output(values);
            }
        }

        /// <summary>Fills the row with draw <paramref name="d"/> of the chunk from the uniforms (the per-draw sampler).</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void SampleRow(int d)
        {
            int m = _uncertain.Length;
            if (_cholesky is null)
            {
                for (int j = 0; j < m; j++)
                {
                    _row[_uncertain[j]] = _distributions[j].Quantile(_uniforms[j * ChunkSize + d]);
                }
            }
            else
            {
                var normals = _normals.AsSpan(0, m);
                for (int j = 0; j < m; j++) normals[j] = SpecialFunctions.InverseNormal(_uniforms[j * ChunkSize + d]);
                for (int j = 0; j < m; j++)
                {
                    double s = 0;
                    for (int k = 0; k <= j; k++) s += _cholesky[j * m + k] * normals[k];
                    _row[_uncertain[j]] = _distributions[j].FromStandardNormal(s);
                }
            }
        }

        private void SampleColumns(ref ChunkRandom rng, int count)
        {
            int m = _uncertain.Length;
            rng.Fill(_uniforms);
            if (_cholesky is null)
            {
                for (int j = 0; j < m; j++)
                {
                    _distributions[j].Quantiles(_uniforms.AsSpan(j * ChunkSize, count), _columns.AsSpan(_uncertain[j] * ChunkSize, count));
                }
                return;
            }
            var column = _column.AsSpan(0, count);
            for (int j = 0; j < m; j++)
            {
                StandardNormals(_uniforms.AsSpan(j * ChunkSize, count), _normals.AsSpan(j * ChunkSize, count));
            }
            for (int j = 0; j < m; j++)
            {
                column.Clear();
                for (int k = 0; k <= j; k++)
                {
                    double l = _cholesky[j * m + k];
                    var z = _normals.AsSpan(k * ChunkSize, count);
                    for (int d = 0; d < count; d++) column[d] += l * z[d];
                }
                var target = _columns.AsSpan(_uncertain[j] * ChunkSize, count);
                var distribution = _distributions[j];
                for (int d = 0; d < count; d++) target[d] = distribution.FromStandardNormal(column[d]);
            }
        }

        private static void StandardNormals(ReadOnlySpan<double> uniforms, Span<double> normals)
            => SpecialFunctions.InverseNormal(uniforms, normals);

        /// <summary>
        /// The error of a chunk whose evaluation threw (<paramref name="error"/>) or gave an output that is not finite
        /// (null): re-samples the chunk's draws (the same numbers) and evaluates them one by one with the scalar function
        /// until the first that throws or is not finite, and names that draw, its inputs and the failed rule.
        /// </summary>
        internal ScenarioEvaluationException Locate(int chunk, int start, int count, Exception? error)
        {
            if (error is ScenarioEvaluationException known)
            {
                return known;
            }
            var rng = new ChunkRandom(_options.Seed, chunk);
            if (_perDraw)
            {
                for (int i = 0; i < _uniforms.Length; i++) _uniforms[i] = rng.NextScalar();
            }
            else
            {
                SampleColumns(ref rng, count);
            }
            var values = new ScenarioValues(_row, _model);
            for (int d = 0; d < count; d++)
            {
                if (_perDraw)
                {
                    SampleRow(d);
                }
                else
                {
                    for (int i = 0; i < _inputCount; i++) _row[i] = _columns[i * ChunkSize + d];
                }
                double y;
                try
                {
                    y = _model.Output(values);
                }
                catch (Exception e)
                {
                    return new ScenarioEvaluationException(string.Create(CultureInfo.InvariantCulture,
                        $"Model '{_model.Name}' failed at draw {start + d} ({_model.Describe(_row)}): {e.Message}"), e) { Draw = start + d };
                }
                if (!double.IsFinite(y))
                {
                    return new ScenarioEvaluationException(string.Create(CultureInfo.InvariantCulture,
                        $"Model '{_model.Name}' returned {y:R} (outputs must be finite) at draw {start + d}: {_model.Describe(_row)}.")) { Draw = start + d };
                }
            }
            // Every draw is fine one by one: the batch function itself failed (or gave a value that is not finite).
            string what = error is null ? "gave an output that is not finite" : $"threw ({error.Message})";
            return error is null
                ? new ScenarioEvaluationException(string.Create(CultureInfo.InvariantCulture,
                    $"Model '{_model.Name}': the batch function {what} in chunk {chunk} (draws {start} to {start + count - 1}), though the scalar function succeeds for each of those draws."))
                : new ScenarioEvaluationException(string.Create(CultureInfo.InvariantCulture,
                    $"Model '{_model.Name}': the batch function {what} in chunk {chunk} (draws {start} to {start + count - 1}), though the scalar function succeeds for each of those draws."), error);
        }
    }
}
