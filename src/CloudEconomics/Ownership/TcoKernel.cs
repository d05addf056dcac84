using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CloudEconomics.Ownership;

/// <summary>
/// Kernel tier for sweeps: the cost per used accelerator-hour over many (energy price, utilisation, PUE) points,
/// on plain doubles with <see cref="Vector{T}"/>, no allocation. Feed it the non-energy cost per owned
/// accelerator-hour from <see cref="ClusterTco.NonEnergyPerAcceleratorHour"/>.
/// </summary>
/// <remarks>
/// cost(p, u, PUE) = (F + p x k x (W_idle + u x (W_max - W_idle)) x PUE / 1,000,000) / u, where F is the non-energy cost
/// per owned accelerator-hour, p the energy price per MWh, k the server overhead factor and the draw in watts (so one
/// hour of it is W x 1 h / 10^6 MWh). With a flat price and a constant PUE it equals the typed
/// <see cref="ClusterTco.PerUtilizedAcceleratorHour"/> of the same cluster.
/// </remarks>
public static class TcoKernel
{
    /// <summary>Writes the cost per used accelerator-hour of each point to <paramref name="destination"/>.</summary>
    /// <param name="pricePerMegawattHour">Energy prices, money per MWh; finite.</param>
    /// <param name="utilization">Utilisations, each in (0, 1].</param>
    /// <param name="pue">PUEs, each finite and at least 1.</param>
    /// <param name="nonEnergyPerAcceleratorHour">F: non-energy cost per owned accelerator-hour; finite.</param>
    /// <param name="idleWatts">W_idle in watts; finite, in [0, <paramref name="maxWatts"/>].</param>
    /// <param name="maxWatts">W_max in watts; finite, greater than zero.</param>
    /// <param name="serverOverheadFactor">k; finite, at least 1.</param>
    /// <param name="destination">Receives the costs (money per used accelerator-hour); at least as long as the inputs.</param>
    /// <exception cref="ArgumentException">The three inputs differ in length, or <paramref name="destination"/> is shorter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A scalar or an element breaks its rule (the message names the index).</exception>
    public static void CostPerUtilizedAcceleratorHour(
        ReadOnlySpan<double> pricePerMegawattHour,
        ReadOnlySpan<double> utilization,
        ReadOnlySpan<double> pue,
        double nonEnergyPerAcceleratorHour,
        double idleWatts,
        double maxWatts,
        double serverOverheadFactor,
        Span<double> destination)
    {
        int n = pricePerMegawattHour.Length;
        if (utilization.Length != n || pue.Length != n)
        {
            throw new ArgumentException($"Prices, utilisations and PUEs must have the same length; they have {n}, {utilization.Length} and {pue.Length}.", nameof(utilization));
        }
        if (destination.Length < n)
        {
            throw new ArgumentException($"Destination must hold at least {n} values; it holds {destination.Length}.", nameof(destination));
        }
        Utility.Preconditions.CheckFinite(nonEnergyPerAcceleratorHour, nameof(nonEnergyPerAcceleratorHour));
        Utility.Preconditions.CheckPositive(maxWatts, nameof(maxWatts));
        Utility.Preconditions.CheckInRange(idleWatts, 0, maxWatts, nameof(idleWatts));
        Utility.Preconditions.CheckFinite(serverOverheadFactor, nameof(serverOverheadFactor));
        if (serverOverheadFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serverOverheadFactor), serverOverheadFactor, $"Server overhead factor must be at least 1; it was {Format(serverOverheadFactor)}.");
        }

        // MWh per owned accelerator-hour = k x (idle + u x span) x PUE / 1e6 = (a + b u) x PUE
        double a = serverOverheadFactor * idleWatts / 1e6;
        double b = serverOverheadFactor * (maxWatts - idleWatts) / 1e6;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vp = MemoryMarshal.Cast<double, Vector<double>>(pricePerMegawattHour);
            var vu = MemoryMarshal.Cast<double, Vector<double>>(utilization);
            var vq = MemoryMarshal.Cast<double, Vector<double>>(pue);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(destination);
            var va = new Vector<double>(a);
            var vb = new Vector<double>(b);
            var vf = new Vector<double>(nonEnergyPerAcceleratorHour);
            var zero = Vector<double>.Zero;
            var one = Vector<double>.One;
            for (int j = 0; j < vp.Length; j++)
            {
                var p = vp[j];
                var u = vu[j];
                var q = vq[j];
                if (!Vector.GreaterThanAll(u, zero) || !Vector.LessThanOrEqualAll(u, one) || !Vector.GreaterThanOrEqualAll(q, one)
                    || !Vector.EqualsAll(p - p, zero) || !Vector.EqualsAll(q - q, zero))
                {
                    ThrowForFirstBadElement(pricePerMegawattHour, utilization, pue, j * Vector<double>.Count);
                }
                vd[j] = (vf + (p * (va + (vb * u)) * q)) / u;
            }
            i = vp.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
        {
            destination[i] = Scalar(pricePerMegawattHour[i], utilization[i], pue[i], nonEnergyPerAcceleratorHour, a, b, pricePerMegawattHour, utilization, pue, i);
        }
    }

    private static double Scalar(double p, double u, double q, double f, double a, double b, ReadOnlySpan<double> prices, ReadOnlySpan<double> utilization, ReadOnlySpan<double> pue, int index)
    {
        if (!(u > 0 && u <= 1) || !(q >= 1) || !double.IsFinite(p) || !double.IsFinite(q))
        {
            ThrowForFirstBadElement(prices, utilization, pue, index);
        }
        return (f + (p * (a + (b * u)) * q)) / u;
    }

    private static void ThrowForFirstBadElement(ReadOnlySpan<double> prices, ReadOnlySpan<double> utilization, ReadOnlySpan<double> pue, int from)
    {
        for (int k = from; k < prices.Length; k++)
        {
            if (!double.IsFinite(prices[k]))
            {
                throw new ArgumentOutOfRangeException("pricePerMegawattHour", prices[k], $"Energy price at index {k} must be finite; it was {Format(prices[k])}.");
            }
            if (!(utilization[k] > 0 && utilization[k] <= 1))
            {
                throw new ArgumentOutOfRangeException("utilization", utilization[k], $"Utilisation at index {k} must be greater than 0 and at most 1; it was {Format(utilization[k])}.");
            }
            if (!(pue[k] >= 1) || !double.IsFinite(pue[k]))
            {
                throw new ArgumentOutOfRangeException("pue", pue[k], $"PUE at index {k} must be finite and at least 1; it was {Format(pue[k])}.");
            }
        }
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
