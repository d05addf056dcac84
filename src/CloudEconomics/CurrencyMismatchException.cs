namespace CloudEconomics;

/// <summary>
/// Thrown when two amounts or prices in different currencies are added, subtracted or compared.
/// The library never converts currencies implicitly.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for an operation between <paramref name="left"/> and <paramref name="right"/>.</summary>
    /// <param name="left">The currency of the left operand.</param>
    /// <param name="right">The currency of the right operand.</param>
    public CurrencyMismatchException(Currency left, Currency right)
        : base($"Currencies must match: cannot combine {left.Code} with {right.Code}. Convert one amount first.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The currency of the left operand.</summary>
    public Currency Left { get; }

    /// <summary>The currency of the right operand.</summary>
    public Currency Right { get; }
}
