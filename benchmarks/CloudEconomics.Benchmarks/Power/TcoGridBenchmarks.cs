using BenchmarkDotNet.Attributes;
using CloudEconomics.Ownership;
using CloudEconomics.Power;

namespace CloudEconomics.Benchmarks.Power;

using Energy = UnitsNet.Energy;
using Power = UnitsNet.Power;

/// <summary>
/// TCO per used accelerator-hour over a grid of 10,000 (energy price, utilisation, PUE) points: the typed tier in a
/// scalar loop (Money, PricePerEnergy, UnitsNet) as the baseline, a scalar double loop, and the Vector&lt;T&gt; kernel.
/// </summary>
[MemoryDiagnoser]
public class TcoGridBenchmarks
{
    private const int Points = 10_000;
    private readonly double[] price = new double[Points];
    private readonly double[] utilization = new double[Points];
    private readonly double[] pue = new double[Points];
    private readonly double[] destination = new double[Points];
    private readonly AcceleratorFleet fleet = new() { Count = 1, MaxPower = Power.FromWatts(700), IdlePower = Power.FromWatts(100), ServerOverheadFactor = 1.2 };
    private readonly Money fixedPerHour = Money.Usd(1.0526m);

    /// <summary>100 prices (30..129 USD/MWh) x 10 utilisations (0.1..1.0) x 10 PUEs (1.05..1.5).</summary>
    [GlobalSetup]
    public void Setup()
    {
        int i = 0;
        for (int a = 0; a < 100; a++)
        {
            for (int b = 0; b < 10; b++)
            {
                for (int c = 0; c < 10; c++, i++)
                {
                    price[i] = 30 + a;
                    utilization[i] = (b + 1) / 10.0;
                    pue[i] = 1.05 + (c * 0.05);
                }
            }
        }
    }

    /// <summary>Typed tier, one point at a time.</summary>
    [Benchmark(Baseline = true)]
    public double TypedScalarLoop()
    {
        for (int i = 0; i < Points; i++)
        {
            var p = PricePerEnergy.UsdPerMegawattHour((decimal)price[i]);
            var energy = Energy.FromWattHours((double)fleet.ItPowerPerAccelerator(utilization[i]).Watts * pue[i]);
            var perOwned = fixedPerHour + (p * energy);
            destination[i] = (perOwned / (decimal)utilization[i]).ToDouble();
        }
        return destination[Points - 1];
    }

    /// <summary>Plain doubles, one point at a time.</summary>
    [Benchmark]
    public double DoubleScalarLoop()
    {
        double f = fixedPerHour.ToDouble();
        double a = 1.2 * 100 / 1e6, b = 1.2 * 600 / 1e6;
        for (int i = 0; i < Points; i++)
        {
            destination[i] = (f + (price[i] * (a + (b * utilization[i])) * pue[i])) / utilization[i];
        }
        return destination[Points - 1];
    }

    /// <summary>The Vector&lt;T&gt; kernel.</summary>
    [Benchmark]
    public double Kernel()
    {
        TcoKernel.CostPerUtilizedAcceleratorHour(price, utilization, pue, fixedPerHour.ToDouble(), 100, 700, 1.2, destination);
        return destination[Points - 1];
    }
}
