using CloudEconomics.Finance;
using CloudEconomics.Inference;
using FsCheck.Xunit;
using NodaTime;
using CloudEconomics.Analysis;

namespace CloudEconomics.Tests.Analysis;

/// <summary>The typed finance API for one scenario and the batch kernel for many agree.</summary>
public class KernelTypedAgreementTest
{
    [Property(MaxTest = 50)]
    public bool Npv_KernelEqualsCashFlowMathNpv(int seed, byte count)
    {
        var rng = new System.Random(seed);
        int n = count + 1, periods = 1 + rng.Next(120);
        var rates = Enumerable.Range(0, n).Select(_ => -0.02 + 0.06 * rng.NextDouble()).ToArray();
        var flows = Enumerable.Range(0, n * periods).Select(_ => Math.Round(-1000 + 2000 * rng.NextDouble(), 2)).ToArray();
        var kernel = new double[n];
        ScenarioKernels.Npv(rates, flows, periods, kernel);
        for (int s = 0; s < n; s++)
        {
            var values = Enumerable.Range(0, periods).Select(t => flows[t * n + s]).ToArray();
            double typed = CashFlowMath.Npv(rates[s], values);
            double scale = values.Sum(Math.Abs);
            if (Math.Abs(typed - kernel[s]) > 1e-11 * Math.Max(1, scale)) return false;
        }
        return true;
    }

    [Property(MaxTest = 50)]
    public bool Payback_KernelEqualsCashFlowSchedulePayback(int seed, byte count)
    {
        // Flows every 30 days, so the schedule's Years = days / 365 = payback periods x 30 / 365.
        var rng = new System.Random(seed);
        int n = count + 1, periods = 2 + rng.Next(60);
        var flows = new double[n * periods];
        for (int s = 0; s < n; s++)
        {
            flows[s] = -rng.Next(1, 5_000);
            for (int t = 1; t < periods; t++) flows[t * n + s] = rng.Next(-150, 300);
        }
        var kernel = new double[n];
        var reached = new bool[n];
        ScenarioKernels.Payback(flows, periods, kernel, reached);
        var start = new LocalDate(2026, 1, 1);
        for (int s = 0; s < n; s++)
        {
            var schedule = new CashFlowSchedule(Enumerable.Range(0, periods)
                .Select(t => new CashFlow(start.PlusDays(30 * t), new Money((decimal)flows[t * n + s], Currency.Usd))));
            var typed = schedule.Payback();
            if (typed.IsReached != reached[s]) return false;
            if (typed.IsReached && Math.Abs(typed.Years!.Value - kernel[s] * 30 / 365) > 1e-9) return false;
        }
        return true;
    }
}
