using CloudEconomics.Capital;
using FluentValidation;
using FluentValidation.TestHelper;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using CloudEconomics.Data;

namespace CloudEconomics.Tests.Capital;

public class BacklogTest
{
    private static BacklogContract Ratable(string id, decimal value, LocalDate start, LocalDate end)
        => new() { Id = id, Value = Money.Usd(value), Start = start, End = end };

    [Fact]
    public void Ratable_Calendar2026_ByQuarter()
    {
        // 1,200 over 2026-01-01..2026-12-31 (365 days): Q1 90 days = 1,200 x 90/365 = 295.890..., Q2 91 days = 299.178...,
        // Q3 92 days = 302.465..., Q4 = the remainder = 1,200 - the three = 302.465... (92 days).
        var c = Ratable("c", 1200, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
        var byQuarter = c.RecognitionByQuarter();
        byQuarter.Select(kv => kv.Key.ToString()).Should().Equal("Q1-2026", "Q2-2026", "Q3-2026", "Q4-2026");
        byQuarter[0].Value.Amount.Should().BeApproximately(1200m * 90 / 365, 1e-9m);
        byQuarter[1].Value.Amount.Should().BeApproximately(1200m * 91 / 365, 1e-9m);
        byQuarter[2].Value.Amount.Should().BeApproximately(1200m * 92 / 365, 1e-9m);
        byQuarter[3].Value.Amount.Should().BeApproximately(1200m * 92 / 365, 1e-9m);
        byQuarter.Sum(kv => kv.Value.Amount).Should().Be(1200m);
    }

    [Fact]
    public void Ratable_MicrosoftCalendar_UsesFiscalQuarters()
    {
        // 300 over Jan-Mar 2026 is all in Microsoft's FY2026-Q3.
        var c = Ratable("c", 300, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));
        var byQuarter = c.RecognitionByQuarter(FiscalCalendar.JulyToJune);
        byQuarter.Should().ContainSingle().Which.Key.Should().Be(new FiscalQuarter(2026, 3, FiscalCalendar.JulyToJune));
    }

    [Fact]
    public void Custom_ByQuarter_SumsToValue()
    {
        var c = new BacklogContract
        {
            Id = "custom", Value = Money.Usd(100), Start = new LocalDate(2026, 1, 1), End = new LocalDate(2027, 12, 31),
            Pattern = RecognitionPattern.Custom,
            Schedule = [new(new LocalDate(2026, 2, 1), Money.Usd(10)), new(new LocalDate(2026, 3, 1), Money.Usd(20)), new(new LocalDate(2027, 12, 31), Money.Usd(70))],
        };
        var byQuarter = c.RecognitionByQuarter();
        byQuarter.Select(kv => (kv.Key.ToString(), kv.Value.Amount)).Should().Equal(("Q1-2026", 30m), ("Q4-2027", 70m));
        c.RemainingValue(new LocalDate(2026, 2, 1)).Should().Be(Money.Usd(90));
    }

    [Fact]
    public void Custom_ScheduleNotSummingToValue_IsRejected()
    {
        var c = new BacklogContract
        {
            Id = "bad", Value = Money.Usd(100), Start = new LocalDate(2026, 1, 1), End = new LocalDate(2026, 12, 31),
            Pattern = RecognitionPattern.Custom, Schedule = [new(new LocalDate(2026, 2, 1), Money.Usd(10))],
        };
        var act = () => c.RecognitionByQuarter();
        act.Should().Throw<ValidationException>().WithMessage("*must sum to the contract value 100.00 USD; it sums to 10*");
    }

    [Fact]
    public void Validator_EndBeforeStart()
        => new BacklogContractValidator().TestValidate(Ratable("x", 1, new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)))
            .ShouldHaveValidationErrorFor(c => c.End)
            .WithErrorMessage("The end date must not be earlier than the start date; contract 'x' runs 2026-02-01 to 2026-01-01.");

    [Fact]
    public void Validator_NonPositiveValue()
        => new BacklogContractValidator().TestValidate(Ratable("x", 0, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 1)))
            .ShouldHaveValidationErrorFor(c => c.Value);

    [Fact]
    public void RemainingValue_AndWeightedAverageLife_HandComputed()
    {
        // Contract A: 730 over 2026-01-01..2027-12-31 (730 days, 1/day). Contract B: 365 over 2026-01-01..2026-12-31.
        // At 2026-12-31: A has 365 days left -> remaining 365, remaining term 365/365 = 1 year; B is done (0).
        // At 2025-12-31 (before both start): A 730 with 730 days (2026 + 2027) = 2 years to run, B 365 with 1 year:
        // WARL = (730 x 2 + 365 x 1) / 1,095 = 1,825 / 1,095 = 1.666...
        var backlog = new Backlog(
        [
            Ratable("A", 730, new LocalDate(2026, 1, 1), new LocalDate(2027, 12, 31)),
            Ratable("B", 365, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)),
        ]);
        backlog.RemainingValue(new LocalDate(2026, 12, 31)).Amount.Should().BeApproximately(365m, 1e-9m);
        backlog.WeightedAverageRemainingLife(new LocalDate(2026, 12, 31))!.Value.Should().BeApproximately(1.0, 1e-12);
        backlog.WeightedAverageRemainingLife(new LocalDate(2025, 12, 31))!.Value.Should().BeApproximately(1825.0 / 1095.0, 1e-12);
        backlog.WeightedAverageRemainingLife(new LocalDate(2028, 1, 1)).Should().BeNull();
        // Within 12 months from 2025-12-31: A recognises 365 of 730, B all 365: (365 + 365) / 1,095 = 0.6667.
        backlog.ShareRecognisedWithin(new LocalDate(2025, 12, 31), 12)!.Value.Should().BeApproximately(730.0 / 1095.0, 1e-12);
        backlog.RecognitionByQuarter().Sum(kv => kv.Value.Amount).Should().Be(1095m);
    }

    [Fact]
    public void Backlog_RejectsDuplicateIds_AndMixedCurrencies()
    {
        var a = Ratable("A", 1, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 2));
        var dup = () => new Backlog([a, a]);
        dup.Should().Throw<ArgumentException>().Where(e => e.ParamName == "contracts" && e.Message.Contains("'A' appears 2 times"));
        var eur = a with { Id = "E", Value = Money.Eur(1) };
        var mixed = () => new Backlog([a, eur]);
        mixed.Should().Throw<ArgumentException>().Where(e => e.ParamName == "contracts" && e.Message.Contains("one currency"));
    }

    [Fact]
    public void Coverage_AwsQ1_2026()
        // Reference: AWS backlog 364 and revenue 37.6 (US$ bn) at Q1-2026: 364 / (37.6 x 4) = 364 / 150.4 = 2.42021...
        => BacklogMetrics.CoverageYears(Money.Usd(364), Money.Usd(37.6m)).Should().BeApproximately(2.4202127660, 1e-9);

    [Fact]
    public void BookToBill_AwsQ1_2026()
    {
        // Bookings = 37.6 + 364 - 244 = 157.6; book-to-bill = 157.6 / 37.6 = 4.19149...
        BacklogMetrics.Bookings(Money.Usd(37.6m), Money.Usd(244), Money.Usd(364)).Should().Be(Money.Usd(157.6m));
        BacklogMetrics.BookToBill(Money.Usd(37.6m), Money.Usd(244), Money.Usd(364)).Should().BeApproximately(4.1914893617, 1e-9);
    }

    [Fact]
    public void Bridge_ReportedPlusLowerBound_IsLowerBound()
    {
        // The article's "$464B+": reported 364 + an Anthropic commitment of "over $100B" = at least 464.
        var prov = Provenance.Of("call recap", new LocalDate(2026, 3, 31), Confidence.Secondary);
        var bridge = new BacklogBridge(Money.Usd(364), prov, [new BacklogAddition("anthropic", "Anthropic commitment", Money.Usd(100), IsLowerBound: true, prov)]);
        bridge.Total.Should().Be(Money.Usd(464));
        bridge.IsLowerBound.Should().BeTrue();
        new BacklogBridge(Money.Usd(364), prov, []).IsLowerBound.Should().BeFalse();
    }

    [Property]
    public bool Ratable_RecognitionSumsToValue(PositiveInt valueSeed, int startOffset, PositiveInt lengthSeed, byte calendarSeed)
    {
        var value = valueSeed.Get % 10_000_000 + 0.01m * (valueSeed.Get % 97);
        var start = new LocalDate(2020, 1, 1).PlusDays(Math.Abs(startOffset % 3000));
        var end = start.PlusDays(lengthSeed.Get % 4000);
        var c = Ratable("p", value, start, end);
        var byQuarter = c.RecognitionByQuarter(FiscalCalendar.StartingIn(calendarSeed % 12 + 1));
        return byQuarter.Sum(kv => kv.Value.Amount) == value && byQuarter.All(kv => kv.Value.Amount >= 0);
    }

    [Fact]
    public void ShareRecognisedWithin_RejectsNonPositiveHorizon()
    {
        var backlog = new Backlog([Ratable("A", 1, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))]);
        var act = () => backlog.ShareRecognisedWithin(new LocalDate(2026, 1, 1), 0);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "months" && e.Message.Contains("positive number of months; it was 0"));
    }

    [Fact]
    public void Backlog_RejectsEmpty()
    {
        var act = () => new Backlog([]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "contracts" && e.Message.Contains("at least one contract"));
    }

    [Fact]
    public void Bridge_MixedCurrencies_Throws()
    {
        var prov = Provenance.Of("x", new LocalDate(2026, 3, 31), Confidence.Vendor);
        var act = () => new BacklogBridge(Money.Usd(1), prov, [new BacklogAddition("e", "e", Money.Eur(1), false, prov)]);
        act.Should().Throw<CurrencyMismatchException>();
    }

    [Fact]
    public void Coverage_RejectsNonPositiveRevenue()
    {
        var act = () => BacklogMetrics.CoverageYears(Money.Usd(364), Money.Usd(0));
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "denominator");
    }
}
