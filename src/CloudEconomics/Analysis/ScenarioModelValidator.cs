using CloudEconomics.Utility;
using FluentValidation;

namespace CloudEconomics.Analysis;

/// <summary>Validates a <see cref="ScenarioModel"/>: a name, at least one input, unique input names, finite values and ranges that contain the base values.</summary>
public sealed class ScenarioModelValidator : AbstractValidator<ScenarioModel>
{
    /// <summary>Creates the validator.</summary>
    public ScenarioModelValidator()
    {
        RuleFor(m => m.Name).NotEmpty();
        RuleFor(m => m.OutputUnit).NotEmpty();
        RuleFor(m => m.Inputs).NotEmpty().WithMessage("A scenario model needs at least one input.");
        RuleFor(m => m.Inputs)
            .Must(inputs => inputs.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() == inputs.Count)
            .WithMessage("Input names must be unique within a model.");
        RuleForEach(m => m.Inputs).ChildRules(input =>
        {
            input.RuleFor(i => i.Name).NotEmpty();
            input.RuleFor(i => i.BaseValue).Must(double.IsFinite).WithMessage(i => $"Input '{i.Name}': the base value must be finite.");
            input.RuleFor(i => i)
                .Must(i => double.IsFinite(i.Low) && double.IsFinite(i.High) && i.Low <= i.BaseValue && i.BaseValue <= i.High)
                .WithName("Range")
                .WithMessage(i => $"Input '{i.Name}': the range [{Preconditions.Format(i.Low)}, {Preconditions.Format(i.High)}] must contain the base value {Preconditions.Format(i.BaseValue)}.");
        });
    }
}
