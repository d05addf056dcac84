using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public class CommitmentEconomicsTest
{
    [Fact]
    public void Breakeven_Trn1CapacityBlock_MatchesHandComputation()
    {
        // Default catalog on 2024-12-15: trn1.32xlarge on demand 21.50 USD/h (us-east-1, AWS Pricing API) and the
        // December-2024 Capacity Block price 15.49 USD/h (Melbourne; secondary mirror of the AWS page).
        // Hand computation: a block is paid for all its hours; on demand only for used hours u.
        // Block cost = 15.49 h_total; on-demand cost = 21.50 u h_total; equal when u = 15.49 / 21.50 = 0.720465116...
        var catalog = CloudCatalog.Default.AsOf(new LocalDate(2024, 12, 15));
        var trn1 = catalog.GetInstance("trn1.32xlarge");
        var onDemand = catalog.OffersFor(trn1, PurchaseOptionKind.OnDemand, "us-east-1").Single();
        var block = catalog.OffersFor(trn1, PurchaseOptionKind.CapacityBlock, "ap-southeast-4").Single();
        var breakeven = CommitmentEconomics.Breakeven(onDemand, block, HoursPerYearConvention.Calendar8760);
        breakeven.Utilization.Should().BeApproximately(0.7204651163, 1e-10);
        breakeven.IsAttainable.Should().BeTrue();
        breakeven.ToString().Should().Be("72.05% (15.49 USD/h vs 21.50 USD/h on demand)");
        block.Provenance.Confidence.Should().Be(Confidence.Secondary);
    }

    [Fact]
    public void Breakeven_P5SavingsPlanEstimate()
    {
        // 38.00 (1-year Savings Plan ESTIMATE of the TCO brief) / 55.04 (on demand after the June 2025 cut) = 0.690406977
        var catalog = CloudCatalog.Default.AsOf(new LocalDate(2026, 5, 1));
        var p5 = catalog.GetInstance("p5.48xlarge");
        var plan = catalog.OffersFor(p5, PurchaseOptionKind.SavingsPlan).Single(o => o.Option.TermMonths == 12);
        plan.Provenance.Confidence.Should().Be(Confidence.Estimate);
        CommitmentEconomics.Breakeven(catalog.OffersFor(p5, PurchaseOptionKind.OnDemand).Single(), plan, HoursPerYearConvention.Calendar8760)
            .Utilization.Should().BeApproximately(0.6904069767, 1e-10);
    }

    [Fact]
    public void Breakeven_AboveOne_IsNotAttainable()
    {
        var breakeven = CommitmentEconomics.Breakeven(PricePerHour.Usd(10m), PricePerHour.Usd(12m));
        breakeven.Utilization.Should().BeApproximately(1.2, 1e-12);
        breakeven.IsAttainable.Should().BeFalse();
        breakeven.ToString().Should().EndWith(": never breaks even");
    }

    [Fact]
    public void Breakeven_ZeroOnDemand_Throws()
    {
        var act = () => CommitmentEconomics.Breakeven(PricePerHour.Usd(0m), PricePerHour.Usd(1m));
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("onDemand").WithMessage("The on-demand rate must be greater than zero*");
    }

    [Fact]
    public void Breakeven_MixedCurrencies_Throws()
    {
        var act = () => CommitmentEconomics.Breakeven(PricePerHour.Usd(10m), new PricePerHour(Money.Eur(5m)));
        act.Should().Throw<CurrencyMismatchException>();
    }

    [Theory]
    // Hand computation: 1-year partial upfront: 10 USD/h + 8,760 USD upfront.
    // Calendar: 8,760 / (1 x 8,760 h) = 1.000 -> 11.000 USD/h.  Julian: 8,760 / 8,766 = 0.999315537... -> 10.999315537 USD/h.
    // 3-year: 8,760 / (3 x 8,760) = 0.333333... -> 10.333333 USD/h.
    [InlineData(12, HoursPerYearConvention.Calendar8760, 11.0)]
    [InlineData(12, HoursPerYearConvention.Julian8766, 10.999315537303216)]
    [InlineData(36, HoursPerYearConvention.Calendar8760, 10.333333333333333)]
    public void EffectiveHourlyRate_AmortisesTheUpfront(int months, HoursPerYearConvention convention, double expected)
    {
        var rate = CommitmentEconomics.EffectiveHourlyRate(PricePerHour.Usd(10m), Money.Usd(8760m), months, convention);
        ((double)rate.PerHour.Amount).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void EffectiveHourlyRate_OfAnOffer_UsesItsTermAndUpfront()
    {
        var offer = CatalogTestData.Offer(option: PurchaseOption.Reserved(3, PaymentOption.AllUpfront), price: 0.0001m)
            with { Upfront = Figure.Known(Money.Usd(26280m), CatalogTestData.Source) };
        // 26,280 / (3 x 8,760) = 1.0 USD/h, plus the 0.0001 hourly fee.
        CommitmentEconomics.EffectiveHourlyRate(offer, HoursPerYearConvention.Calendar8760).Should().Be(PricePerHour.Usd(1.0001m));
        CommitmentEconomics.EffectiveHourlyRate(CatalogTestData.Offer(price: 7m), HoursPerYearConvention.Calendar8760).Should().Be(PricePerHour.Usd(7m));
    }

    [Fact]
    public void EffectiveHourlyRate_BadArguments_Throw()
    {
        var noTerm = () => CommitmentEconomics.EffectiveHourlyRate(PricePerHour.Usd(1m), Money.Usd(1m), 0, HoursPerYearConvention.Calendar8760);
        noTerm.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("termMonths").WithMessage("A term must be at least one month; it was 0.*");
        var negative = () => CommitmentEconomics.EffectiveHourlyRate(PricePerHour.Usd(1m), Money.Usd(-1m), 12, HoursPerYearConvention.Calendar8760);
        negative.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("upfront").WithMessage("An upfront payment must not be negative*");
    }

    [Theory]
    // 1 - 38.00 / 55.04 = 0.309593...; at 80% use: 1 - 38.00 / (55.04 x 0.8) = 1 - 0.863009 = 0.136991...
    [InlineData(1.0, 0.30959302325581395)]
    [InlineData(0.8, 0.13699127906976745)]
    [InlineData(0.5, -0.38081395348837205)]
    public void SavingsFraction_AtUtilisation(double utilization, double expected)
        => CommitmentEconomics.SavingsFraction(PricePerHour.Usd(55.04m), PricePerHour.Usd(38m), utilization).Should().BeApproximately(expected, 1e-12);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void SavingsFraction_BadUtilisation_Throws(double utilization)
    {
        var act = () => CommitmentEconomics.SavingsFraction(PricePerHour.Usd(2m), PricePerHour.Usd(1m), utilization);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("utilization");
    }

    [Fact]
    public void SpotEffectiveRate_AddsTheOverhead()
    {
        // v6e spot 0.64833 USD/chip-h with 15% extra hours for interruptions: 0.64833 x 1.15 = 0.7455795
        CommitmentEconomics.SpotEffectiveRate(PricePerHour.Usd(0.64833m), 0.15).Should().Be(PricePerHour.Usd(0.7455795m));
        var act = () => CommitmentEconomics.SpotEffectiveRate(PricePerHour.Usd(1m), -0.1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("interruptionOverhead").WithMessage("Value must not be negative*");
    }

    [Fact]
    public void CostUnderProfile_HandComputedYear()
    {
        // 1-year reservation: 5 USD/h + 8,760 USD upfront, started 2026-01-31; on demand 10 USD/h; 730 h a month.
        // Profile: 6 months at 100%, 6 months at 50%.
        // Commitment: 12 x 730 x 5 = 43,800 + 8,760 = 52,560.   On demand: 6 x 730 x 10 + 6 x 365 x 10 = 43,800 + 21,900 = 65,700.
        // Savings: 13,140 = 20% of 65,700.
        var offer = CatalogTestData.Offer(option: PurchaseOption.Reserved(1, PaymentOption.PartialUpfront), price: 5m) with { Upfront = Figure.Known(Money.Usd(8760m), CatalogTestData.Source) };
        var profile = Enumerable.Repeat(1.0, 6).Concat(Enumerable.Repeat(0.5, 6)).ToArray();
        var schedule = CommitmentEconomics.CostUnderProfile(offer, PricePerHour.Usd(10m), new LocalDate(2026, 1, 31), profile, HoursPerYearConvention.Calendar8760);
        schedule.TotalCommitment.Should().Be(Money.Usd(52560m));
        schedule.TotalOnDemand.Should().Be(Money.Usd(65700m));
        schedule.NetSavings.Should().Be(Money.Usd(13140m));
        schedule.SavingsFraction.Should().BeApproximately(0.2, 1e-12);
        schedule.Months[0].CommitmentCost.Should().Be(Money.Usd(3650m + 8760m));
        schedule.Months[1].Start.Should().Be(new LocalDate(2026, 2, 28), "month 2 starts one month after 31 Jan (truncated)");
        schedule.Months[2].Start.Should().Be(new LocalDate(2026, 3, 31), "computed from the start date, not step by step");
        schedule.Months[0].End.Should().Be(new LocalDate(2026, 2, 27));
        schedule.Months[11].End.Should().Be(new LocalDate(2027, 1, 30));
        schedule.Months[11].Savings.Should().Be(Money.Usd(3650m - 3650m));
    }

    [Fact]
    public void CostUnderProfile_BadProfiles_Throw()
    {
        var offer = CatalogTestData.Offer(option: PurchaseOption.Reserved(1, PaymentOption.NoUpfront));
        var start = new LocalDate(2026, 1, 1);
        var wrongLength = () => CommitmentEconomics.CostUnderProfile(offer, PricePerHour.Usd(10m), start, [1.0, 1.0], HoursPerYearConvention.Calendar8760);
        wrongLength.Should().Throw<ArgumentException>().WithParameterName("monthlyUtilization").WithMessage("The profile must have one utilisation per month of the 12-month term; it has 2.*");
        var outOfRange = () => CommitmentEconomics.CostUnderProfile(offer, PricePerHour.Usd(10m), start, [.. Enumerable.Repeat(1.0, 11), 1.2], HoursPerYearConvention.Calendar8760);
        outOfRange.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("monthlyUtilization").WithMessage("Each monthly utilisation must be between 0 and 1 inclusive; month 12 was 1.2.*");
        var empty = () => CommitmentEconomics.CostUnderProfile(CatalogTestData.Offer(option: PurchaseOption.CapacityBlock), PricePerHour.Usd(10m), start, [], HoursPerYearConvention.Calendar8760);
        empty.Should().Throw<ArgumentException>().WithParameterName("monthlyUtilization").WithMessage("A utilisation profile needs at least one month.*");
    }

    [Fact]
    public void CostUnderProfile_NothingUsed_HasNoSavingsFraction()
    {
        var schedule = CommitmentEconomics.CostUnderProfile(CatalogTestData.Offer(option: PurchaseOption.CapacityBlock), PricePerHour.Usd(10m), new LocalDate(2026, 1, 1), [0.0], HoursPerYearConvention.Calendar8760);
        schedule.SavingsFraction.Should().BeNull();
        schedule.NetSavings.Should().Be(Money.Usd(-7300m));
    }

    [Fact]
    public void InvalidOffer_IsRejectedByItsValidator()
    {
        var invalid = CatalogTestData.Offer(option: PurchaseOption.Reserved(1, PaymentOption.NoUpfront), from: new LocalDate(2026, 2, 1), to: new LocalDate(2026, 1, 1));
        var act = () => CommitmentEconomics.EffectiveHourlyRate(invalid, HoursPerYearConvention.Calendar8760);
        act.Should().Throw<FluentValidation.ValidationException>().Which.Errors.Should().ContainSingle(e => e.ErrorCode == "ValidToBeforeValidFrom");
        var breakeven = () => CommitmentEconomics.Breakeven(invalid, CatalogTestData.Offer(), HoursPerYearConvention.Calendar8760);
        breakeven.Should().Throw<FluentValidation.ValidationException>();
    }
}
