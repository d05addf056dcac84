using CloudEconomics.Finance;

namespace CloudEconomics.Tests.Finance;

public class FinancialCalculationExceptionTest
{
    [Fact]
    public void IsArithmeticException_WithMessageAndInner()
    {
        var inner = new InvalidOperationException("inner");
        var e = new FinancialCalculationException("No rate exists.", inner);
        e.Should().BeAssignableTo<ArithmeticException>();
        e.Message.Should().Be("No rate exists.");
        e.InnerException.Should().BeSameAs(inner);
        new FinancialCalculationException().Message.Should().NotBeNullOrEmpty();
    }
}
