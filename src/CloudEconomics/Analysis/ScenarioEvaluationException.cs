namespace CloudEconomics.Analysis;

/// <summary>A model's output function returned NaN or infinity, or threw, for some input values; the message lists them.</summary>
public sealed class ScenarioEvaluationException : ArithmeticException
{
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
