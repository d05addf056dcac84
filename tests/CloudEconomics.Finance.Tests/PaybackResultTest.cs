using CloudEconomics.Finance;
using NodaTime;

namespace CloudEconomics.Tests.Finance;

public class PaybackResultTest
{
    [Fact]
    public void Reached_CarriesDateAndYears()
    {
        var result = PaybackResult.Reached(new LocalDate(2027, 7, 3), 2.5);
        result.IsReached.Should().BeTrue();
        result.Date.Should().Be(new LocalDate(2027, 7, 3));
        result.Years.Should().Be(2.5);
        result.ToString().Should().Be("reached 2027-07-03 (2.50 years)");
        result.Should().Be(PaybackResult.Reached(new LocalDate(2027, 7, 3), 2.5));
    }

    [Fact]
    public void NotReached_HasNoDate()
    {
        PaybackResult.NotReached.IsReached.Should().BeFalse();
        PaybackResult.NotReached.ToString().Should().Be("not reached");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Reached_BadYears_Throws(double years)
    {
        var act = () => PaybackResult.Reached(new LocalDate(2027, 1, 1), years);
        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "years");
    }
}
