namespace CloudEconomics.Finance;

/// <summary>
/// Thrown when a financial calculation has no answer for valid inputs: no rate of return exists or none is found
/// (Excel's <c>#NUM!</c>), a quantity would divide by zero (Excel's <c>#DIV/0!</c>), or a result would not be a
/// finite number. Inputs outside a function's domain throw <see cref="ArgumentException"/> instead.
/// </summary>
public sealed class FinancialCalculationException : ArithmeticException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FinancialCalculationException()
        : base("The financial calculation has no finite answer for these inputs.")
    {
    }

    /// <summary>Creates the exception with a message stating why no answer exists.</summary>
    /// <param name="message">Why the calculation has no answer, as a sentence.</param>
    public FinancialCalculationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">Why the calculation has no answer, as a sentence.</param>
    /// <param name="innerException">The underlying exception.</param>
    public FinancialCalculationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
