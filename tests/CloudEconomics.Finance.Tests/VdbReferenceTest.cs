using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// The closed-form VDB against a literal transcription of the period-by-period algorithm of LibreOffice's ScVDB /
/// ScInterVDB (sc/source/core/tool/interpr2.cxx), the one Excel's documentation describes: on thousands of random
/// cases with lives up to 200 periods, fractional starts and ends, factors from 0.1 to 5 and both switch modes.
/// </summary>
public class VdbReferenceTest
{
    private static double Ddb(double cost, double salvage, double life, double period, double factor)
    {
        double rate = factor / life;
        double before;
        if (rate >= 1.0)
        {
            rate = 1.0;
            before = period == 1.0 ? cost : 0.0;
        }
        else
        {
            before = cost * Math.Pow(1.0 - rate, period - 1.0);
        }
        double after = cost * Math.Pow(1.0 - rate, period);
        double amount = after < salvage ? before - salvage : before - after;
        return amount < 0 ? 0 : amount;
    }

    // ScInterVDB: declining balance until straight line over the remaining life gives more.
    private static double InterVdb(double cost, double salvage, double life, double life1, double period, double factor)
    {
        double intEnd = Math.Ceiling(period);
        double remaining = cost - salvage;
        bool lineMode = false;
        double line = 0, total = 0;
        for (int i = 1; i <= (int)intEnd; i++)
        {
            double term;
            if (!lineMode)
            {
                double ddb = Ddb(cost, salvage, life, i, factor);
                line = remaining / (life1 - (i - 1));
                if (line > ddb)
                {
                    term = line;
                    lineMode = true;
                }
                else
                {
                    term = ddb;
                    remaining -= ddb;
                }
            }
            else
            {
                term = line;
            }
            if (i == (int)intEnd)
            {
                term *= period + 1.0 - intEnd;
            }
            total += term;
        }
        return total;
    }

    private static double Reference(double cost, double salvage, double life, double start, double end, double factor, bool noSwitch)
    {
        double intStart = Math.Floor(start);
        double intEnd = Math.Ceiling(end);
        if (noSwitch)
        {
            double sum = 0;
            for (int i = (int)intStart + 1; i <= (int)intEnd; i++)
            {
                double term = Ddb(cost, salvage, life, i, factor);
                if (i == (int)intStart + 1)
                {
                    term *= Math.Min(end, intStart + 1.0) - start;
                }
                else if (i == (int)intEnd)
                {
                    term *= end + 1.0 - intEnd;
                }
                sum += term;
            }
            return sum;
        }
        double part = 0;
        if (start > intStart)
        {
            double tempCost = cost - InterVdb(cost, salvage, life, life, intStart, factor);
            part += (start - intStart) * InterVdb(tempCost, salvage, life, life - intStart, 1.0, factor);
        }
        if (end < intEnd)
        {
            double tempCost = cost - InterVdb(cost, salvage, life, life, intEnd - 1.0, factor);
            part += (intEnd - end) * InterVdb(tempCost, salvage, life, life - intEnd + 1.0, 1.0, factor);
        }
        double bookValue = cost - InterVdb(cost, salvage, life, life, intStart, factor);
        return InterVdb(bookValue, salvage, life, life - intStart, intEnd - intStart, factor) - part;
    }

    [Fact]
    public void ClosedForm_AgreesWithThePeriodByPeriodAlgorithm()
    {
        var rng = new Random(1405);
        var failures = new List<string>();
        for (int k = 0; k < 4000; k++)
        {
            double cost = Math.Round(1 + (1e6 * rng.NextDouble()), 2);
            double salvage = rng.Next(4) == 0 ? 0 : Math.Round(cost * rng.NextDouble() * 0.6, 2);
            double life = rng.Next(3) == 0 ? Math.Round(1 + (199 * rng.NextDouble()), 2) : rng.Next(1, 201);
            double start = rng.Next(2) == 0 ? rng.Next(0, (int)life + 1) : Math.Round(life * rng.NextDouble(), 3);
            double end = rng.Next(2) == 0 ? Math.Min(life, Math.Ceiling(start) + rng.Next(0, 20)) : Math.Round(start + ((life - start) * rng.NextDouble()), 3);
            end = Math.Min(Math.Max(end, start), life);
            double factor = rng.Next(4) == 0 ? rng.Next(1, 4) : Math.Round(0.1 + (4.9 * rng.NextDouble()), 2);
            bool noSwitch = rng.Next(3) == 0;
            double expected = Reference(cost, salvage, life, start, end, factor, noSwitch);
            double actual = Depreciation.Vdb(cost, salvage, life, start, end, factor, noSwitch);
            if (!(Math.Abs(actual - expected) <= 1e-9 * cost))
            {
                failures.Add($"VDB({cost}, {salvage}, {life}, {start}, {end}, {factor}, {noSwitch}): reference {expected}, ours {actual}");
            }
        }
        failures.Should().BeEmpty();
    }
}
