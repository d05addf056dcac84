using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests;

public class CurrencyTest
{
    [Theory]
    [InlineData("usd")]
    [InlineData("USD")]
    [InlineData("Usd")]
    public void FromCode_AnyCase_ReturnsUsd(string code) => Currency.FromCode(code).Should().Be(Currency.Usd);

    [Fact]
    public void MinorUnitDigits_FollowIso4217() // ISO 4217 table: USD 2, JPY 0, KWD 3
    {
        Currency.Usd.MinorUnitDigits.Should().Be(2);
        Currency.Jpy.MinorUnitDigits.Should().Be(0);
        Currency.FromCode("KWD").MinorUnitDigits.Should().Be(3);
    }

    [Theory]
    [InlineData("US", "three ASCII letters")]
    [InlineData("US1", "three ASCII letters")]
    [InlineData("QQQ", "not a known ISO 4217 currency")]
    [InlineData("XXX", "not a known ISO 4217 currency")]
    public void FromCode_Invalid_ThrowsWithRule(string code, string rule)
    {
        var act = () => Currency.FromCode(code);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "code" && e.Message.Contains(rule));
    }

    [Fact]
    public void FromCode_Null_Throws() => ((Func<Currency>)(() => Currency.FromCode(null!))).Should().Throw<ArgumentNullException>();

    [Fact]
    public void Default_IsNoCurrency()
    {
        default(Currency).Code.Should().Be("XXX");
        default(Currency).Should().NotBe(Currency.Usd);
    }

    [Fact]
    public void EqualityAndOrdering_FollowContract()
    {
        TestHelper.TestEqualsStruct(Currency.Usd, Currency.FromCode("usd"), Currency.Eur, Currency.Jpy);
        TestHelper.TestCompareToStruct(Currency.Eur, Currency.FromCode("EUR"), Currency.Usd); // "EUR" < "USD" ordinally
    }
}
