using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudEconomics.Tests;

/// <summary>FsCheck properties of the vocabulary's algebra.</summary>
public class VocabularyProperties
{
    private static readonly JsonSerializerOptions Options = CloudEconomicsJson.CreateOptions();

    // Amounts in cents within +/- 10^12 USD: large enough for hyperscaler capex, small enough never to overflow a sum.
    private static decimal Cents(long cents) => (cents % 100_000_000_000_000L) / 100m;

    [Property]
    public bool AddThenSubtract_IsIdentity(long a, long b)
    {
        var x = Money.Usd(Cents(a));
        var y = Money.Usd(Cents(b));
        return (x + y) - y == x;
    }

    [Property]
    public bool Addition_Commutes(long a, long b)
        => Money.Usd(Cents(a)) + Money.Usd(Cents(b)) == Money.Usd(Cents(b)) + Money.Usd(Cents(a));

    [Property]
    public bool MismatchedCurrencies_AlwaysThrow(long a, long b)
    {
        try
        {
            _ = Money.Usd(Cents(a)) + Money.Eur(Cents(b));
            return false;
        }
        catch (CurrencyMismatchException)
        {
            return true;
        }
    }

    [Property]
    public bool PriceTimesHours_DividedByHours_IsPrice(PositiveInt centsPerHour, PositiveInt hours)
    {
        var price = PricePerHour.Usd(centsPerHour.Get / 100m);
        var cost = price.CostOf(UnitsNet.Duration.FromHours(hours.Get));
        var back = cost / hours.Get;
        return Math.Abs(back.Amount - price.PerHour.Amount) <= 1e-20m;
    }

    [Property]
    public bool PricePerHourOverRate_TimesTokensInAnHour_IsPricePerHour(PositiveInt centsPerHour, PositiveInt tokensPerSecond)
    {
        var price = PricePerHour.Usd(centsPerHour.Get / 100m);
        var rate = TokenRate.FromTokensPerSecond(tokensPerSecond.Get);
        var perMillion = price / rate;
        var hourCost = perMillion * rate.TokensIn(3600);
        // relative tolerance: decimal division keeps 28 digits
        return Math.Abs(hourCost.Amount - price.PerHour.Amount) <= price.PerHour.Amount * 1e-20m + 1e-20m;
    }

    [Property]
    public bool Money_JsonRoundTrip_IsIdentity(long cents, byte currencyIndex)
    {
        var currency = Currency.KnownCurrencies[currencyIndex % Currency.KnownCurrencies.Count];
        var money = new Money(Cents(cents), currency);
        var back = JsonSerializer.Deserialize<Money>(JsonSerializer.Serialize(money, Options), Options);
        return back == money && back.Amount.Scale == money.Amount.Scale;
    }

    [Property]
    public bool Money_ToStringParse_IsIdentity(long cents)
    {
        var money = Money.Usd(Cents(cents));
        return Money.Parse(money.ToString()) == money;
    }

    [Property]
    public bool TokenRate_JsonRoundTrip_IsIdentity(NormalFloat value)
    {
        var rate = TokenRate.FromTokensPerSecond(Math.Abs(value.Get));
        return JsonSerializer.Deserialize<TokenRate>(JsonSerializer.Serialize(rate, Options), Options) == rate;
    }
}
