namespace CloudEconomics.Analysis;

/// <summary>A model's output function returned NaN or infinity, or threw, for some input values; the message lists them.</summary>
/// <remarks>
/// In a Monte Carlo run a bad draw (for example a sampled throughput that is not positive, which the token-cost kernel
/// refuses) stops the run with this exception: its <see cref="Draw"/> is the first failing draw (0-based, the same on any
/// number of threads), its message names the draw, every input's value in it and the rule that failed, and its
/// <see cref="Exception.InnerException"/> is the error the model's function threw, if any. No result is returned with
/// NaN in it and no draw is dropped silently.
/// </remarks>
public sealed class ScenarioEvaluationException : ArithmeticException
{
    /// <summary>The 0-based index of the failing draw in a Monte Carlo run; null outside Monte Carlo.</summary>
    public long? Draw { get; init; }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and for which input values.</param>
    public ScenarioEvaluationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the error thrown by the output function.</summary>
    /// <param name="message">What failed and for which input values.</param>
    /// <param name="innerException">The error thrown by the model's function.</param>
    public ScenarioEvaluationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ScenarioEvaluationException() : base("A scenario model's output could not be evaluated.")
    {
    }
}
