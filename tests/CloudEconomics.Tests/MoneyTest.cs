using System.Globalization;
using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests;

public class MoneyTest
{
    private static readonly Money TenUsd = Money.Usd(10m);

    [Fact]
    public void Arithmetic_WithinOneCurrency_IsExactDecimal()
    {
        // 0.1 + 0.2 is exactly 0.3 in decimal (it is not in binary floating point).
        (Money.Usd(0.1m) + Money.Usd(0.2m)).Should().Be(Money.Usd(0.3m));
        (TenUsd - Money.Usd(2.5m)).Should().Be(Money.Usd(7.5m));
        (TenUsd * 3m).Should().Be(Money.Usd(30m));
        (3m * TenUsd).Should().Be(Money.Usd(30m));
        (TenUsd / 4m).Should().Be(Money.Usd(2.5m));
        (-TenUsd).Should().Be(Money.Usd(-10m));
        (Money.Usd(151m) / Money.Usd(37.6m)).Should().BeApproximately(4.01595744680851m, 1e-12m); // 151 / 37.6 by hand
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsNamingBoth()
    {
        var act = () => TenUsd + Money.Eur(1m);
        act.Should().Throw<CurrencyMismatchException>()
            .Where(e => e.Message.Contains("USD") && e.Message.Contains("EUR") && e.Left == Currency.Usd && e.Right == Currency.Eur);
    }

    [Fact]
    public void Compare_DifferentCurrencies_Throws()
    {
        var act = () => TenUsd < Money.Eur(1m);
        act.Should().Throw<CurrencyMismatchException>();
    }

    [Fact]
    public void Overflow_Throws()
    {
        var act = () => new Money(decimal.MaxValue, Currency.Usd) + Money.Usd(1m);
        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void EqualityAndOrdering_FollowContract()
    {
        TestHelper.TestEqualsStruct(Money.Usd(1.5m), Money.Usd(1.50m), Money.Usd(1.51m), Money.Eur(1.5m));
        TestHelper.TestCompareToStruct(Money.Usd(1m), Money.Usd(1.00m), Money.Usd(2m));
    }

    [Theory]
    [InlineData(2.345, MidpointRounding.ToEven, 2.34)]
    [InlineData(2.345, MidpointRounding.AwayFromZero, 2.35)]
    [InlineData(-2.345, MidpointRounding.AwayFromZero, -2.35)]
    [InlineData(2.355, MidpointRounding.ToEven, 2.36)]
    public void Round_ToMinorUnit_UsesExplicitMidpointRule(double amount, MidpointRounding mode, double expected)
        => Money.Usd((decimal)amount).Round(mode).Should().Be(Money.Usd((decimal)expected));

    [Fact]
    public void Round_Yen_HasNoMinorUnit() => new Money(1234.5m, Currency.Jpy).Round(MidpointRounding.AwayFromZero).Amount.Should().Be(1235m);

    [Fact]
    public void Round_InvalidDecimals_Throws()
    {
        var act = () => TenUsd.Round(29, MidpointRounding.ToEven);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "decimals" && e.Message.Contains("between 0 and 28"));
    }

    [Theory]
    [InlineData("1234.5", "1,234.50 USD")]
    [InlineData("21.957642", "21.957642 USD")]
    [InlineData("-12", "-12.00 USD")]
    [InlineData("0", "0.00 USD")]
    [InlineData("1000000", "1,000,000.00 USD")]
    public void ToString_IsInvariantWithMinorUnitsAndEverySignificantDigit(string amount, string expected)
    {
        var money = Money.Usd(decimal.Parse(amount, CultureInfo.InvariantCulture));
        foreach (var culture in new[] { "de-DE", "tr-TR", "fr-FR", "" })
        {
            TestHelper.InCulture(culture, () => money.ToString()).Should().Be(expected, $"culture '{culture}'");
        }
    }

    [Fact]
    public void ToString_IsReadable_RoundTripFormatIsExact()
    {
        // A derived amount with 28 significant digits: the default shows minor units + 4 decimals (rounded half to even),
        // "R" shows every digit and parses back to the same amount.
        var derived = Money.Usd(1.8522848410917887351198673426m);
        derived.ToString().Should().Be("1.852285 USD");
        derived.ToString("R", null).Should().Be("1.8522848410917887351198673426 USD");
        Money.Parse(derived.ToString("R", null)).Should().Be(derived);
    }

    [Fact]
    public void ToString_Yen_HasNoDecimals() => new Money(1234m, Currency.Jpy).ToString().Should().Be("1,234 JPY");

    [Fact]
    public void ToString_WithFormat_FormatsAmount() => Money.Usd(1234.567m).ToString("N0", null).Should().Be("1,235 USD");

    [Theory]
    [InlineData("1,234.50 USD", 1234.50)]
    [InlineData("-12 EUR", -12)]
    [InlineData("  7.25 usd ", 7.25)]
    public void Parse_InvariantFormat(string text, double expected)
        => Money.Parse(text).Amount.Should().Be((decimal)expected);

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12 QQQ")]
    [InlineData("1.234,50 EUR")]
    [InlineData("USD 12")]
    public void Parse_Invalid_ThrowsFormatException(string text)
    {
        var act = () => Money.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("*followed by a space and an ISO 4217 code*");
    }

    [Fact]
    public void Sum_AddsAndChecksCurrency()
    {
        Money.Sum([Money.Usd(1m), Money.Usd(2m), Money.Usd(3.5m)]).Should().Be(Money.Usd(6.5m));
        Money.Sum([], Currency.Eur).Should().Be(Money.Eur(0m));
        ((Func<Money>)(() => Money.Sum([]))).Should().Throw<ArgumentException>().Where(e => e.ParamName == "values");
        ((Func<Money>)(() => Money.Sum([Money.Usd(1m), Money.Eur(1m)]))).Should().Throw<CurrencyMismatchException>();
    }

    [Theory]
    [InlineData(double.NaN, "finite")]
    [InlineData(double.PositiveInfinity, "finite")]
    [InlineData(double.NegativeInfinity, "finite")]
    [InlineData(1e30, "range of decimal")]
    public void FromDouble_Invalid_Throws(double value, string rule)
    {
        var act = () => Money.FromDouble(value, Currency.Usd);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "amount" && e.Message.Contains(rule));
    }

    [Fact]
    public void FromDouble_ToDouble_RoundTripsOrdinaryAmounts()
    {
        Money.FromDouble(98.32, Currency.Usd).Should().Be(Money.Usd(98.32m));
        Money.Usd(55.04m).ToDouble().Should().Be(55.04);
    }
}
