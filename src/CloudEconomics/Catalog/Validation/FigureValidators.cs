using FluentValidation;

namespace CloudEconomics.Catalog.Validation;

/// <summary>
/// Validates a <see cref="Provenance"/> that backs a known figure: a source, an as-of date and a defined confidence
/// (error codes <c>MissingSource</c>, <c>MissingAsOf</c>, <c>MissingConfidence</c>).
/// </summary>
public sealed class ProvenanceValidator : AbstractValidator<Provenance>
{
    /// <summary>Creates the validator.</summary>
    public ProvenanceValidator()
    {
        RuleFor(p => p.Source).NotEmpty().WithErrorCode("MissingSource").WithMessage("A known figure must name its source.");
        RuleFor(p => p.AsOf).NotNull().WithErrorCode("MissingAsOf").WithMessage("A known figure must give the as-of date of its source.");
        RuleFor(p => p.Confidence).NotNull().WithErrorCode("MissingConfidence").WithMessage("A known figure must state its confidence (vendor, curatedDataset, secondary or estimate).")
            .IsInEnum().WithErrorCode("MissingConfidence");
        RuleForEach(p => p.DerivedFrom).NotEmpty().WithErrorCode("BlankInput").WithMessage("A derived figure's inputs must not be blank.");
    }
}

/// <summary>
/// Validates a <see cref="Figure{T}"/>: when its value is known, the provenance must be complete (see
/// <see cref="ProvenanceValidator"/>) and the value must satisfy the rule given (error code passed in).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class FigureValidator<T> : AbstractValidator<Figure<T>> where T : struct
{
    /// <summary>Creates a validator with a rule on the value.</summary>
    /// <param name="valueRule">What a known value must satisfy; null for no rule.</param>
    /// <param name="errorCode">Error code of the value rule, such as <c>NotPositive</c>.</param>
    /// <param name="message">Message of the value rule, stating the rule.</param>
    /// <param name="required">Whether the value must be known (error code <c>Required</c>).</param>
    public FigureValidator(Func<T, bool>? valueRule = null, string errorCode = "InvalidValue", string message = "The value is not valid.", bool required = false)
    {
        if (required)
        {
            RuleFor(f => f.Value).NotNull().WithErrorCode("Required").WithMessage("This figure is required; it must not be null.");
        }
        When(f => f.Value.HasValue, () =>
        {
            RuleFor(f => f.Provenance).NotNull().SetValidator(new ProvenanceValidator());
            if (valueRule is not null)
            {
                RuleFor(f => f.Value!.Value).Must(valueRule).WithErrorCode(errorCode).WithMessage(message).OverridePropertyName("Value");
            }
        });
    }

    /// <summary>A validator requiring a known value to be greater than zero.</summary>
    /// <param name="toDouble">Reads the value as a number in any fixed unit.</param>
    /// <param name="required">Whether the value must be known.</param>
    /// <returns>The validator.</returns>
    public static FigureValidator<T> Positive(Func<T, double> toDouble, bool required = false)
        => new(v => double.IsFinite(toDouble(v)) && toDouble(v) > 0, "NotPositive", "The value must be a finite number greater than zero.", required);
}

/// <summary>Validates a <see cref="TextFigure"/>: known text needs a complete provenance and must not be blank.</summary>
public sealed class TextFigureValidator : AbstractValidator<TextFigure>
{
    /// <summary>Creates the validator.</summary>
    /// <param name="required">Whether the text must be known.</param>
    public TextFigureValidator(bool required = false)
    {
        if (required)
        {
            RuleFor(f => f.Value).NotNull().WithErrorCode("Required").WithMessage("This text is required; it must not be null.");
        }
        When(f => f.Value is not null, () =>
        {
            RuleFor(f => f.Value).NotEmpty().WithErrorCode("Blank").WithMessage("Known text must not be blank.");
            RuleFor(f => f.Provenance).NotNull().SetValidator(new ProvenanceValidator());
        });
    }
}
