using UnitsNet;

namespace CloudEconomics.Tests;

/// <summary>The regular price vocabulary: the same factories on every price type, one CostOf verb, Money / quantity.</summary>
public class PriceVocabularyTest
{
    [Fact]
    public void PricePerHour_CostOf_Duration()
        // Hand: 2 USD/h for 90 minutes = 1.5 h x 2 = 3 USD.
        => PricePerHour.Usd(2m).CostOf(Duration.FromMinutes(90)).Should().Be(Money.Usd(3m));

    [Fact]
    public void Money_DividedByDuration_IsPricePerHour()
        // Hand: 30 USD over 12 hours = 2.5 USD/h.
        => (Money.Usd(30m) / Duration.FromHours(12)).Should().Be(PricePerHour.Usd(2.5m));

    [Fact]
    public void Money_DividedByEnergy_IsPricePerEnergy()
    {
        // Hand: 500 USD for 10 MWh = 50 USD/MWh; for 2,500 kWh = 2.5 MWh -> 200 USD/MWh.
        (Money.Usd(500m) / Energy.FromMegawattHours(10)).Should().Be(PricePerEnergy.UsdPerMegawattHour(50m));
        (Money.Usd(500m) / Energy.FromKilowattHours(2500)).PerMegawattHour.Amount.Should().BeApproximately(200m, 1e-9m);
        var act = () => Money.Usd(1m) / Energy.Zero;
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "energy" && e.Message.Contains("positive"));
    }

    [Fact]
    public void PricePerEnergy_CostOf_Energy_AndKilowattHourFactories()
    {
        // Hand: 40 USD/MWh x 2,500 kWh (2.5 MWh) = 100 USD. 0.0861 USD/kWh (EIA's 8.61 cents) = 86.1 USD/MWh.
        PricePerEnergy.UsdPerMegawattHour(40m).CostOf(Energy.FromKilowattHours(2500)).Amount.Should().BeApproximately(100m, 1e-9m);
        PricePerEnergy.UsdPerKilowattHour(0.0861m).PerMegawattHour.Should().Be(Money.Usd(86.1m));
        PricePerEnergy.From(Money.Eur(70m)).Should().Be(new PricePerEnergy(Money.Eur(70m)));
        PricePerEnergy.Zero(Currency.Eur).PerMegawattHour.Should().Be(Money.Zero(Currency.Eur));
    }

    [Fact]
    public void PricePerKilowattMonth_CostOf_PowerAndMonths()
    {
        // Hand: 150 USD/kW-month x 2 MW (2,000 kW) x 3 months = 900,000 USD; one month = 300,000 USD.
        var price = PricePerKilowattMonth.Usd(150m);
        price.CostOf(UnitsNet.Power.FromMegawatts(2), 3).Should().Be(Money.Usd(900_000m));
        (price * UnitsNet.Power.FromMegawatts(2)).Should().Be(Money.Usd(300_000m));
        // 120,000 USD per MW-month = 120 USD per kW-month.
        PricePerKilowattMonth.FromPerMegawattMonth(Money.Usd(120_000m)).Should().Be(PricePerKilowattMonth.Usd(120m));
        PricePerKilowattMonth.From(Money.Usd(1m)).Should().Be(new PricePerKilowattMonth(Money.Usd(1m)));
        PricePerKilowattMonth.Zero(Currency.Usd).PerKilowattMonth.Should().Be(Money.Usd(0m));
        var act = () => price.CostOf(UnitsNet.Power.FromKilowatts(1), -1);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "months");
    }

    [Fact]
    public void PricePerMillionTokens_CostOf_TokenCount_AndPerThousand()
    {
        // Hand: 0.002 USD per 1K tokens = 2 USD per 1M tokens; 250,000 tokens at 2 USD/1M = 0.5 USD.
        var price = PricePerMillionTokens.FromPerThousandTokens(Money.Usd(0.002m));
        price.Should().Be(PricePerMillionTokens.Usd(2m));
        price.CostOf(TokenCount.FromTokens(250_000)).Should().Be(Money.Usd(0.5m));
        PricePerMillionTokens.From(Money.Usd(3m)).Should().Be(PricePerMillionTokens.Usd(3m));
        PricePerMillionTokens.Zero(Currency.Usd).PerMillionTokens.Should().Be(Money.Usd(0m));
    }

    [Fact]
    public void PricePerHour_From_IsTheConstructor()
        => PricePerHour.From(Money.Eur(4m)).Should().Be(new PricePerHour(Money.Eur(4m)));

    [Fact]
    public void From_CostAndQuantity_SpreadsTheCost_OnEveryPriceType()
    {
        // Hand: 500 USD over 4 h = 125 USD/h; 500 USD over 2.5 MWh = 200 USD/MWh; 3 USD over 1,500,000 tokens = 2 USD/1M;
        // 90,000 USD for 500 kW over 3 months = 90,000 / 1,500 kW-months = 60 USD/kW-month.
        PricePerHour.From(Money.Usd(500m), Duration.FromHours(4)).Should().Be(PricePerHour.Usd(125m));
        PricePerEnergy.From(Money.Usd(500m), Energy.FromMegawattHours(2.5)).Should().Be(PricePerEnergy.UsdPerMegawattHour(200m));
        PricePerMillionTokens.From(Money.Usd(3m), TokenCount.FromTokens(1_500_000)).Should().Be(PricePerMillionTokens.Usd(2m));
        PricePerKilowattMonth.From(Money.Usd(90_000m), UnitsNet.Power.FromKilowatts(500), 3).Should().Be(PricePerKilowattMonth.Usd(60m));
    }

    [Fact]
    public void From_CostAndNothing_Throws_NamingTheQuantity()
    {
        var energy = () => PricePerEnergy.From(Money.Usd(1m), Energy.Zero);
        energy.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "energy" && e.Message.Contains("positive"));
        var tokens = () => PricePerMillionTokens.From(Money.Usd(1m), TokenCount.Zero);
        tokens.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "tokens");
        var capacity = () => PricePerKilowattMonth.From(Money.Usd(1m), UnitsNet.Power.Zero, 1);
        capacity.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "capacity");
        var months = () => PricePerKilowattMonth.From(Money.Usd(1m), UnitsNet.Power.FromKilowatts(1), 0);
        months.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "months");
    }

    [Fact]
    public void PricePerKilowattMonth_Arithmetic_MatchesTheOtherPrices()
    {
        // Hand: 150 - 30 = 120; 150 / 3 = 50; 150 / 50 = 3; 1 MW x 150 USD/kW-month = 1,000 x 150 = 150,000 USD.
        var a = PricePerKilowattMonth.Usd(150m);
        var b = PricePerKilowattMonth.Usd(30m);
        (a - b).Should().Be(PricePerKilowattMonth.Usd(120m));
        (a / 3m).Should().Be(PricePerKilowattMonth.Usd(50m));
        (a / PricePerKilowattMonth.Usd(50m)).Should().Be(3m);
        (UnitsNet.Power.FromMegawatts(1) * a).Should().Be(Money.Usd(150_000m));
        var negative = () => b - a;
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void PricePerEnergy_Ratio()
        // Hand: a 45 USD/MWh strike over a 60 USD/MWh market = 0.75.
        => (PricePerEnergy.UsdPerMegawattHour(45m) / PricePerEnergy.UsdPerMegawattHour(60m)).Should().Be(0.75m);

    /// <summary>
    /// Every public <c>PricePer...</c> struct of the vocabulary, found by reflection (a new price type is checked without
    /// editing this test), has the same shape: a constructor from <see cref="Money"/>, <c>From(Money)</c>,
    /// <c>From(Money, quantity...)</c>, a US-dollar shortcut, <c>Zero(Currency)</c>, <c>Currency</c>, exactly one
    /// <c>CostOf</c> verb returning <see cref="Money"/>, price x quantity both ways, and + - x / with ratio.
    /// </summary>
    [Fact]
    public void EveryPriceType_HasTheSameVocabulary()
    {
        var prices = typeof(Money).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && t.Namespace == "CloudEconomics" && t.Name.StartsWith("PricePer", StringComparison.Ordinal))
            .ToList();
        prices.Select(t => t.Name).Should().BeEquivalentTo(["PricePerHour", "PricePerEnergy", "PricePerKilowattMonth", "PricePerMillionTokens"]);
        var problems = new List<string>();
        foreach (var t in prices)
        {
            var statics = t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
            var instance = t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly);
            bool Has(string name, Func<System.Reflection.MethodInfo, bool> shape) => statics.Any(m => m.Name == name && shape(m));
            System.Type[] P(System.Reflection.MethodInfo m) => m.GetParameters().Select(p => p.ParameterType).ToArray();
            void Need(bool ok, string what)
            {
                if (!ok)
                {
                    problems.Add($"{t.Name}: {what}");
                }
            }
            Need(t.GetConstructor([typeof(Money)]) is not null, "constructor(Money)");
            Need(Has("From", m => m.ReturnType == t && P(m).SequenceEqual([typeof(Money)])), "From(Money)");
            Need(Has("From", m => m.ReturnType == t && P(m).Length >= 2 && P(m)[0] == typeof(Money)), "From(Money cost, quantity...)");
            Need(Has("Zero", m => m.ReturnType == t && P(m).SequenceEqual([typeof(Currency)])), "Zero(Currency)");
            Need(statics.Any(m => m.Name.StartsWith("Usd", StringComparison.Ordinal) && m.ReturnType == t && P(m).SequenceEqual([typeof(decimal)])), "Usd...(decimal)");
            Need(t.GetProperty("Currency")?.PropertyType == typeof(Currency), "Currency property");
            var costOf = instance.Where(m => m.Name == "CostOf").ToList();
            Need(costOf.Count == 1 && costOf[0].ReturnType == typeof(Money), "exactly one CostOf(quantity) returning Money");
            Need(!instance.Any(m => m.Name is "CostFor" or "MonthlyCost"), "no second cost verb (CostFor, MonthlyCost)");
            if (costOf.Count == 1)
            {
                var quantity = costOf[0].GetParameters()[0].ParameterType;
                Need(Has("op_Multiply", m => m.ReturnType == typeof(Money) && P(m).SequenceEqual([t, quantity])), $"price * {quantity.Name}");
                Need(Has("op_Multiply", m => m.ReturnType == typeof(Money) && P(m).SequenceEqual([quantity, t])), $"{quantity.Name} * price");
            }
            Need(Has("op_Addition", m => m.ReturnType == t && P(m).SequenceEqual([t, t])), "price + price");
            Need(Has("op_Subtraction", m => m.ReturnType == t && P(m).SequenceEqual([t, t])), "price - price");
            Need(Has("op_Multiply", m => m.ReturnType == t && P(m).SequenceEqual([t, typeof(decimal)])), "price * decimal");
            Need(Has("op_Division", m => m.ReturnType == t && P(m).SequenceEqual([t, typeof(decimal)])), "price / decimal");
            Need(Has("op_Division", m => m.ReturnType == typeof(decimal) && P(m).SequenceEqual([t, t])), "price / price (ratio)");
        }
        problems.Should().BeEmpty();
    }
}
