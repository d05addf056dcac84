using CloudEconomics.Finance;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

/// <summary>FsCheck properties of the finance engine (issue 3): each maps arbitrary integers into the valid domain.</summary>
public class FinanceProperties
{
    private static double Unit(int x) => (x & 0x7fffffff) / (double)int.MaxValue; // [0, 1]

    private static double[] Flows(int[] raw, bool conventional)
    {
        var values = raw.Take(120).Select(x => (double)((x % 100_000) / 10)).ToArray();
        if (values.Length < 2)
        {
            values = new[] { -1000.0, 1100.0 };
        }
        if (conventional)
        {
            values[0] = -Math.Abs(values[0]) - 1;
            for (int i = 1; i < values.Length; i++)
            {
                values[i] = Math.Abs(values[i]);
            }
            values[^1] += 1;
        }
        return values;
    }

    [Property]
    public bool NpvAtIrr_IsZero(int[] raw, bool conventional)
    {
        var values = Flows(raw ?? Array.Empty<int>(), conventional);
        if (!CashFlowMath.TryIrr(values, out double r))
        {
            return !conventional || values.Skip(1).Sum() < 0; // a conventional flow with a positive total always has a rate
        }
        double d = 1 / (1 + r);
        double npv = 0, scale = 0, f = 1;
        foreach (var v in values)
        {
            npv += v * f;
            scale += Math.Abs(v * f);
            f *= d;
        }
        return Math.Abs(npv) <= 1e-9 * scale;
    }

    [Property]
    public bool Xirr_UnchangedWhenEveryDateShiftsByTheSameDays(int[] raw, int[] gaps, int shift)
    {
        // All dates stay inside 2021-03-01 .. 2024-02-28, a span with no 29 February.
        var values = Flows(raw ?? Array.Empty<int>(), conventional: true).Take(20).ToArray();
        var start = new LocalDate(2021, 3, 1);
        var offsets = new int[values.Length];
        for (int i = 1; i < values.Length; i++)
        {
            int gap = gaps is { Length: > 0 } ? Math.Abs(gaps[i % gaps.Length] % 30) : 30;
            offsets[i] = offsets[i - 1] + gap + 1;
        }
        int s = Math.Abs(shift % 400);
        var dates = offsets.Select(o => start.PlusDays(o)).ToArray();
        var shifted = offsets.Select(o => start.PlusDays(o + s)).ToArray();
        if (!CashFlowMath.TryXirr(values, dates, out double a))
        {
            return !CashFlowMath.TryXirr(values, shifted, out _);
        }
        return CashFlowMath.TryXirr(values, shifted, out double b) && Math.Abs(a - b) <= 1e-10 * Math.Max(1, Math.Abs(a));
    }

    [Property]
    public bool PvFvPmtNperRate_AreConsistent(int rateSeed, int periodSeed, int pvSeed, bool advance)
    {
        double rate = 0.001 + (0.2 * Unit(rateSeed));
        // n = 1 in advance is degenerate (pv + pmt = 0 holds at every rate); (1+r)^n at most 1e6 keeps NPER
        // well-conditioned (beyond, pmt (1+r t) + pv r cancels to a few digits in any implementation).
        int maxN = Math.Min(360, (int)(Math.Log(1e6) / Math.Log(1 + rate)));
        int n = 2 + (int)((maxN - 2) * Unit(periodSeed));
        double pv = 1000 + (1e6 * Unit(pvSeed));
        var timing = advance ? PaymentTiming.BeginningOfPeriod : PaymentTiming.EndOfPeriod;
        double pmt = CashFlowMath.Pmt(rate, n, pv, 0, timing);
        double growth = Math.Pow(1 + rate, n);
        return Math.Abs(CashFlowMath.Pv(rate, n, pmt, 0, timing) - pv) <= 1e-9 * pv
            && Math.Abs(CashFlowMath.Fv(rate, n, pmt, pv, timing)) <= 1e-9 * pv * growth
            && Math.Abs(CashFlowMath.Nper(rate, pmt, pv, 0, timing) - n) <= 1e-7 * n
            && Math.Abs(CashFlowMath.Rate(n, pmt, pv, 0, timing) - rate) <= 1e-9;
    }

    [Property]
    public bool Payback_NeverPrecedesTheRecovery(int[] raw, int[] gaps)
    {
        var values = Flows(raw ?? Array.Empty<int>(), conventional: false).Take(40).ToArray();
        var start = new LocalDate(2025, 1, 1);
        int day = 0;
        var flows = new List<CashFlow>();
        for (int i = 0; i < values.Length; i++)
        {
            flows.Add(new CashFlow(start.PlusDays(day), Money.Usd((decimal)values[i])));
            day += gaps is { Length: > 0 } ? Math.Abs(gaps[i % gaps.Length] % 100) : 30;
        }
        var schedule = new CashFlowSchedule(flows);
        var payback = schedule.Payback();
        var positions = schedule.CumulativePosition();
        var lastNegative = positions.LastOrDefault(p => p.Amount.IsNegative);
        if (!payback.IsReached)
        {
            return positions[^1].Amount.IsNegative;
        }
        if (lastNegative == default)
        {
            return payback.Date == schedule.StartDate && payback.Years == 0;
        }
        var recovered = positions.First(p => p.Date > lastNegative.Date);
        return payback.Date > lastNegative.Date
            && payback.Date <= recovered.Date
            && !recovered.Amount.IsNegative
            && positions.Where(p => p.Date >= payback.Date).All(p => !p.Amount.IsNegative);
    }

    [Property]
    public bool DepreciationSchedule_SumsToCostLessSalvage(int costSeed, int salvageSeed, int lifeSeed, int methodSeed, int dateSeed, int changeSeed)
    {
        decimal cost = 1000m + (decimal)Math.Round(1e7 * Unit(costSeed), 2);
        decimal salvage = Math.Round(cost * (decimal)(0.3 * Unit(salvageSeed)), 2);
        int life = 1 + (int)(119 * Unit(lifeSeed));
        var method = (DepreciationMethod)(Math.Abs(methodSeed) % 3);
        var start = new LocalDate(2020, 1, 1).PlusDays((int)(2000 * Unit(dateSeed)));
        var changes = new List<UsefulLifeChange>();
        if (changeSeed % 2 == 0 && life > 2)
        {
            // A change part-way through to a new life longer than the life already elapsed.
            int at = 1 + (int)((life - 2) * Unit(changeSeed));
            int newLife = at + 1 + (int)(100 * Unit(changeSeed >> 3));
            changes.Add(new UsefulLifeChange(start.PlusMonths(at), newLife));
        }
        var plan = new DepreciationPlan
        {
            Cost = Money.Usd(cost), Salvage = Money.Usd(salvage), UsefulLifeMonths = life, InServiceDate = start,
            Method = method, LifeChanges = changes,
        };
        var schedule = DepreciationSchedule.Create(plan);
        double expected = (double)(cost - salvage);
        return Math.Abs((double)schedule.TotalDepreciation.Amount - expected) <= 1e-6 * Math.Max(1, expected)
            && Math.Abs((double)schedule.BookValueAt(schedule.FullyDepreciatedOn).Amount - (double)salvage) <= 1e-6 * (double)cost
            && schedule.All(p => p.Depreciation.Amount >= -0.000001m);
    }

    [Property]
    public bool SydAndVdb_SumOverLife_ToCostLessSalvage(int costSeed, int salvageSeed, int lifeSeed, int factorSeed)
    {
        double cost = 1000 + (1e6 * Unit(costSeed));
        double salvage = cost * 0.5 * Unit(salvageSeed);
        int life = 1 + (int)(39 * Unit(lifeSeed));
        double factor = 0.5 + (2.5 * Unit(factorSeed));
        double syd = Enumerable.Range(1, life).Sum(p => Depreciation.Syd(cost, salvage, life, p));
        double vdb = Enumerable.Range(1, life).Sum(p => Depreciation.Vdb(cost, salvage, life, p - 1, p, factor));
        return Math.Abs(syd - (cost - salvage)) <= 1e-9 * cost && Math.Abs(vdb - (cost - salvage)) <= 1e-9 * cost;
    }
}
