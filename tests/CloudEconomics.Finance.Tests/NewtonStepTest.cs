using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The one Newton step and search of IRR, XIRR and RATE, driven by hand: each outcome of a step (fail on a non-finite
/// or flat input or a step to -100%, converge on f = 0, on a small step, or on the early stop of quadratic convergence)
/// with steps chosen as powers of two or simple fractions so the arithmetic is exact, and the search's step cap.
/// </summary>
public class NewtonStepTest
{
    private static NewtonOutcome Step(ref double rate, double value, double slope, ref double previous, double tolerance = 1e-13, bool earlyStop = false)
        => Newton.Step(ref rate, value, slope, ref previous, tolerance, earlyStop);

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(1.0, double.NegativeInfinity)]
    [InlineData(1.0, double.NaN)]
    [InlineData(1.0, 0.0)]
    public void NonFiniteOrFlat_Fails_RateUnchanged(double value, double slope)
    {
        double rate = 0.25, previous = double.PositiveInfinity;
        Step(ref rate, value, slope, ref previous).Should().Be(NewtonOutcome.Failed);
        rate.Should().Be(0.25);
        previous.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void ZeroValue_Converged_RateUnchanged()
    {
        double rate = 0.25, previous = double.PositiveInfinity;
        Step(ref rate, 0.0, 3.0, ref previous).Should().Be(NewtonOutcome.Converged);
        rate.Should().Be(0.25);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1.0)]        // 0 - 1/1 = -1 exactly: -100% is refused
    [InlineData(0.5, 3.0, 1.0)]        // 0.5 - 3 = -2.5
    [InlineData(0.0, 1e300, 1e-300)]   // the step overflows to -infinity
    [InlineData(0.0, -1e300, 1e-300)]  // to +infinity
    public void StepToMinus100PercentOrNotFinite_Fails(double rate0, double value, double slope)
    {
        double rate = rate0, previous = double.PositiveInfinity;
        Step(ref rate, value, slope, ref previous).Should().Be(NewtonOutcome.Failed);
        rate.Should().Be(rate0);
    }

    [Fact]
    public void JustAboveMinus100Percent_Continues()
    {
        // 0 - 0.75 / 1 = -0.75: a step to -75% is accepted.
        double rate = 0.0, previous = double.PositiveInfinity;
        Step(ref rate, 0.75, 1.0, ref previous).Should().Be(NewtonOutcome.Continue);
        rate.Should().Be(-0.75);
        previous.Should().Be(0.75);
    }

    [Fact]
    public void StepEqualToTheTolerance_Converged()
    {
        // 0 -> 0.5 (value -0.5, slope 1): step 0.5 = tolerance 0.5 x max(1, 0.5).
        double rate = 0.0, previous = double.PositiveInfinity;
        Step(ref rate, -0.5, 1.0, ref previous, tolerance: 0.5).Should().Be(NewtonOutcome.Converged);
        rate.Should().Be(0.5);
        rate = 0.0;
        Step(ref rate, -0.5, 1.0, ref previous, tolerance: 0.25).Should().Be(NewtonOutcome.Continue);
        rate.Should().Be(0.5);
    }

    [Fact]
    public void Tolerance_IsRelativeToTheNewRateAboveOne()
    {
        // 10 -> 11: step 1 <= 0.095 x 11 = 1.045 converges; against 0.095 x 10 (the old rate) or 0.095 x 1 it would not.
        double rate = 10.0, previous = double.PositiveInfinity;
        Step(ref rate, -1.0, 1.0, ref previous, tolerance: 0.095).Should().Be(NewtonOutcome.Converged);
        rate.Should().Be(11.0);
        // Negative rates: max(1, |next|) = 1 for -0.5: step 0.5 against 0.4 continues.
        rate = 0.0;
        Step(ref rate, 0.5, 1.0, ref previous, tolerance: 0.4).Should().Be(NewtonOutcome.Continue);
        rate.Should().Be(-0.5);
    }

    [Theory]
    // Outcome 1 = Converged, 0 = Continue. Step 2^-27 = 7.45e-9 (below 1e-7): early stop when at most a thousandth of the previous step.
    [InlineData(0.0, 1.0 / 134217728, 1e-5, true, 1)]    // previous 1e-5: 1e-3 x 1e-5 = 1e-8 >= 7.45e-9
    [InlineData(0.0, 1.0 / 134217728, 5e-6, true, 0)]     // 5e-9 < 7.45e-9
    [InlineData(0.0, 1.0 / 134217728, 1e-5, false, 0)]    // early stop off
    [InlineData(0.0, 1.5e-7, 1.0, true, 0)]               // step above 1e-7
    [InlineData(0.0, 0.9e-7, 1.0, true, 1)]              // step below 1e-7
    [InlineData(100.0, 5e-6, 1.0, true, 1)]              // 5e-6 <= 1e-7 x 100: relative to the rate
    public void EarlyStop_OnQuadraticConvergence(double rate0, double step, double previousStep, bool earlyStop, int expectedOutcome)
    {
        var expected = (NewtonOutcome)expectedOutcome;
        double rate = rate0, previous = previousStep;
        Step(ref rate, -step, 1.0, ref previous, earlyStop: earlyStop).Should().Be(expected);
        rate.Should().Be(rate0 + step);
        if (expected == NewtonOutcome.Continue)
        {
            previous.Should().Be(rate0 + step - rate0, "the step taken is remembered for the next test");
        }
    }

    [Fact]
    public void Search_TakesAtMostItsSteps()
    {
        // f = 1 with slope 1/4 everywhere: each step goes up by 4 and never converges; three steps allowed.
        var search = new NewtonSearch(0.0, maxSteps: 3, tolerance: 1e-13, earlyStop: false);
        var points = new List<double>();
        while (search.Next(out double r))
        {
            points.Add(r);
            search.Step(-1.0, 0.25);
        }
        points.Should().Equal(0.0, 4.0, 8.0);
        search.Next(out double last).Should().BeFalse();
        last.Should().Be(12.0);
        search.TryResult(out double root).Should().BeFalse();
        root.Should().Be(0);
    }

    [Fact]
    public void Search_Converges_ReturnsTheRate()
    {
        // f = r - 0.5 (slope 1): from 0 one step reaches 0.5, the second has f = 0.
        var search = new NewtonSearch(0.0, maxSteps: 5, tolerance: 1e-13, earlyStop: false);
        int evaluations = 0;
        while (search.Next(out double r))
        {
            evaluations++;
            search.Step(r - 0.5, 1.0);
        }
        evaluations.Should().Be(2);
        search.TryResult(out double root).Should().BeTrue();
        root.Should().Be(0.5);
    }

    [Fact]
    public void Search_Failed_StopsAndReturnsZero()
    {
        var search = new NewtonSearch(0.3, maxSteps: 5, tolerance: 1e-13, earlyStop: true);
        search.Next(out double r).Should().BeTrue();
        r.Should().Be(0.3);
        search.Step(1.0, 0.0);
        search.Next(out _).Should().BeFalse();
        search.TryResult(out double root).Should().BeFalse();
        root.Should().Be(0);
    }

    [Fact]
    public void Search_PassesTheEarlyStopAndTolerance()
    {
        // Steps of 0.5, then 2^-27 (below 1e-7 and a thousandth of 0.5): converged by the early stop, not by 1e-13.
        var early = new NewtonSearch(0.0, maxSteps: 5, tolerance: 1e-13, earlyStop: true);
        early.Next(out _);
        early.Step(-0.5, 1.0);
        early.Next(out _).Should().BeTrue();
        early.Step(-1.0 / 134217728, 1.0);
        early.TryResult(out double root).Should().BeTrue();
        root.Should().Be(0.5 + (1.0 / 134217728));
        // Tolerance 0.5: the first step of 0.5 is enough.
        var loose = new NewtonSearch(0.0, maxSteps: 5, tolerance: 0.5, earlyStop: false);
        loose.Next(out _);
        loose.Step(-0.5, 1.0);
        loose.TryResult(out root).Should().BeTrue();
        root.Should().Be(0.5);
    }
}
