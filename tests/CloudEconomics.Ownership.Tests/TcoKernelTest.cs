using CloudEconomics.Ownership;
using FsCheck;
using FsCheck.Xunit;

namespace CloudEconomics.Tests.Ownership;

public class TcoKernelTest
{
    // Hand computation: F = 1.00 per owned hour, 80 USD/MWh, u = 0.8, PUE 1.15, idle 100 W, max 700 W, k = 1:
    //   energy per owned hour = (100 + 0.8 x 600) W x 1.15 = 667 Wh = 0.000667 MWh -> x 80 = 0.05336
    //   (1.00 + 0.05336) / 0.8 = 1.3167
    [Fact]
    public void Cost_HandComputedPoint()
    {
        var dest = new double[1];
        TcoKernel.CostPerUtilizedAcceleratorHour([80.0], [0.8], [1.15], 1.0, 100, 700, 1, dest);
        dest[0].Should().BeApproximately(1.3167, 1e-12);
    }

    [Fact]
    public void Cost_AgreesWithTypedClusterTco()
    {
        var tco = ClusterTco.Calculate(OwnershipTestData.Cluster());
        var dest = new double[1];
        TcoKernel.CostPerUtilizedAcceleratorHour([80.0], [0.8], [1.15], tco.NonEnergyPerAcceleratorHour.ToDouble(), 100, 700, 1, dest);
        dest[0].Should().BeApproximately(tco.PerUtilizedAcceleratorHour!.Value.ToDouble(), 1e-12);
    }

    [Property(MaxTest = 200)]
    public void VectorAndTail_MatchScalarFormula(PositiveInt lengthSeed, NormalFloat priceSeed)
    {
        int n = (lengthSeed.Get % 37) + 1;
        var p = new double[n];
        var u = new double[n];
        var q = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = Math.Abs(priceSeed.Get % 200) + i;
            u[i] = 0.05 + (0.95 * ((i * 7919) % 100) / 100.0);
            q[i] = 1 + (((i * 104729) % 60) / 100.0);
        }
        var dest = new double[n];
        TcoKernel.CostPerUtilizedAcceleratorHour(p, u, q, 0.9, 70, 700, 1.3, dest);
        for (int i = 0; i < n; i++)
        {
            double expected = (0.9 + (p[i] * 1.3 * (70 + (u[i] * 630)) * q[i] / 1e6)) / u[i];
            dest[i].Should().BeApproximately(expected, 1e-12 * Math.Max(1, Math.Abs(expected)));
        }
    }

    [Theory]
    [InlineData(0.0, "utilization", "Utilisation at index 5")]
    [InlineData(1.5, "utilization", "Utilisation at index 5")]
    [InlineData(double.NaN, "utilization", "Utilisation at index 5")]
    public void BadUtilization_ThrowsNamingIndex(double bad, string param, string message)
    {
        var u = Enumerable.Repeat(0.8, 9).ToArray();
        u[5] = bad;
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour(new double[9], u, Enumerable.Repeat(1.2, 9).ToArray(), 1, 100, 700, 1, new double[9]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param && e.Message.Contains(message));
    }

    [Fact]
    public void PueBelowOne_ThrowsNamingIndex()
    {
        var q = Enumerable.Repeat(1.2, 9).ToArray();
        q[8] = 0.99;
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour(new double[9], Enumerable.Repeat(0.8, 9).ToArray(), q, 1, 100, 700, 1, new double[9]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "pue" && e.Message.Contains("PUE at index 8 must be finite and at least 1; it was 0.99"));
    }

    [Fact]
    public void InfinitePrice_Throws()
    {
        var p = new double[4];
        p[1] = double.PositiveInfinity;
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour(p, [0.5, 0.5, 0.5, 0.5], [1.1, 1.1, 1.1, 1.1], 1, 100, 700, 1, new double[4]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "pricePerMegawattHour" && e.Message.Contains("index 1"));
    }

    [Fact]
    public void LengthMismatch_Throws()
    {
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour(new double[3], new double[2], new double[3], 1, 100, 700, 1, new double[3]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "utilization" && e.Message.Contains("same length"));
    }

    [Fact]
    public void ShortDestination_Throws()
    {
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour([1.0, 1.0], [0.5, 0.5], [1.1, 1.1], 1, 100, 700, 1, new double[1]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "destination");
    }

    [Fact]
    public void OverheadBelowOne_Throws()
    {
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour([1.0], [0.5], [1.1], 1, 100, 700, 0.5, new double[1]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "serverOverheadFactor" && e.Message.Contains("at least 1"));
    }

    [Fact]
    public void IdleAboveMax_Throws()
    {
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour([1.0], [0.5], [1.1], 1, 800, 700, 1, new double[1]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "idleWatts");
    }

    // The scalar tail checks every element as the vector blocks do: n = one vector block + 1, the bad element last.
    [Theory]
    [InlineData(0.0, 1.2, 80.0, "utilization", "Utilisation at index {0} must be greater than 0 and at most 1; it was 0.")]
    [InlineData(1.5, 1.2, 80.0, "utilization", "Utilisation at index {0} must be greater than 0 and at most 1; it was 1.5.")]
    [InlineData(double.NaN, 1.2, 80.0, "utilization", "Utilisation at index {0} must be greater than 0 and at most 1; it was NaN.")]
    [InlineData(0.8, 0.99, 80.0, "pue", "PUE at index {0} must be finite and at least 1; it was 0.99.")]
    [InlineData(0.8, double.PositiveInfinity, 80.0, "pue", "PUE at index {0} must be finite and at least 1; it was Infinity.")]
    [InlineData(0.8, 1.2, double.NaN, "pricePerMegawattHour", "Energy price at index {0} must be finite; it was NaN.")]
    [InlineData(0.8, 1.2, double.NegativeInfinity, "pricePerMegawattHour", "Energy price at index {0} must be finite; it was -Infinity.")]
    public void BadElementInTheScalarTail_ThrowsNamingIndex(double badU, double badQ, double badP, string param, string message)
    {
        int n = System.Numerics.Vector<double>.Count + 1;
        var p = Enumerable.Repeat(80.0, n).ToArray();
        var u = Enumerable.Repeat(0.8, n).ToArray();
        var q = Enumerable.Repeat(1.2, n).ToArray();
        (p[n - 1], u[n - 1], q[n - 1]) = (badP, badU, badQ);
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour(p, u, q, 1, 100, 700, 1, new double[n]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param && e.Message.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, n - 1)));
    }

    [Fact]
    public void BadPueAndPriceInAVectorBlock_Throw()
    {
        int n = System.Numerics.Vector<double>.Count * 2;
        var u = Enumerable.Repeat(0.8, n).ToArray();
        var q = Enumerable.Repeat(1.2, n).ToArray();
        q[1] = double.NaN;
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour(new double[n], u, q, 1, 100, 700, 1, new double[n]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "pue" && e.Message.StartsWith("PUE at index 1 must be finite and at least 1; it was NaN."));
        var p = new double[n];
        p[n - 1] = double.NaN;
        var act2 = () => TcoKernel.CostPerUtilizedAcceleratorHour(p, u, Enumerable.Repeat(1.2, n).ToArray(), 1, 100, 700, 1, new double[n]);
        act2.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "pricePerMegawattHour" && e.Message.StartsWith($"Energy price at index {n - 1} must be finite"));
    }

    // Utilisation exactly 1 and PUE exactly 1 are allowed, in a vector block and in the tail:
    //   u = 1, PUE = 1, 100 USD/MWh, W = 700 W (all at full draw), k = 1, F = 2:
    //   energy = 700 W x 1 h = 0.0007 MWh x 100 = 0.07 -> (2 + 0.07) / 1 = 2.07 per used hour.
    [Fact]
    public void UtilizationAndPueAtOne_AreAllowedEverywhere()
    {
        int n = System.Numerics.Vector<double>.Count + 1;
        var dest = new double[n];
        TcoKernel.CostPerUtilizedAcceleratorHour(Enumerable.Repeat(100.0, n).ToArray(), Enumerable.Repeat(1.0, n).ToArray(), Enumerable.Repeat(1.0, n).ToArray(), 2, 100, 700, 1, dest);
        dest.Should().AllSatisfy(d => d.Should().BeApproximately(2.07, 1e-12));
    }

    [Fact]
    public void Destination_TooShort_NamesBothLengths()
    {
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour([1.0, 1.0], [0.5, 0.5], [1.1, 1.1], 1, 100, 700, 1, new double[1]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "destination" && e.Message.StartsWith("Destination must hold at least 2 values; it holds 1."));
    }

    [Theory]
    [InlineData(double.NaN, 100, 700, 1, "nonEnergyPerAcceleratorHour")]
    [InlineData(1, 0, 0, 1, "maxWatts")]
    [InlineData(1, 100, 700, double.PositiveInfinity, "serverOverheadFactor")]
    public void BadScalar_ThrowsNamingIt(double nonEnergy, double idle, double max, double overhead, string param)
    {
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour([1.0], [0.5], [1.1], nonEnergy, idle, max, overhead, new double[1]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param);
    }

    // The element-by-element check passes over u = 1 and PUE = 1 (allowed) before the bad element it reports.
    [Fact]
    public void ElementCheck_PassesOverBoundaryValues_ToTheBadOne()
    {
        int n = System.Numerics.Vector<double>.Count + 1;
        var u = Enumerable.Repeat(1.0, n).ToArray();
        var q = Enumerable.Repeat(1.0, n).ToArray();
        u[2] = 0;
        var act = () => TcoKernel.CostPerUtilizedAcceleratorHour(new double[n], u, q, 1, 100, 700, 1, new double[n]);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "utilization" && e.Message.StartsWith("Utilisation at index 2 must"));
    }
}
