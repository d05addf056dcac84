using System.Globalization;
using FluentValidation;

namespace CloudEconomics.Power;

/// <summary>
/// The rules for an <see cref="AcceleratorFleet"/>: count greater than zero; W_max greater than zero; W_idle between
/// 0 and W_max; server overhead factor finite and at least 1.
/// </summary>
public sealed class AcceleratorFleetValidator : AbstractValidator<AcceleratorFleet>
{
    /// <summary>A shared instance.</summary>
    public static AcceleratorFleetValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public AcceleratorFleetValidator()
    {
        RuleFor(x => x.Count).GreaterThan(0)
            .WithMessage(x => $"Count must be greater than zero accelerators; it was {x.Count}.");
        RuleFor(x => x.MaxPower).Must(p => double.IsFinite(p.ToWatts()) && p.ToWatts() > 0)
            .WithMessage(x => $"MaxPower (W_max, usually the TDP) must be greater than zero; it was {F(x.MaxPower.ToWatts())} W.");
        RuleFor(x => x.IdlePower).Must((x, p) => p.ToWatts() >= 0 && p.ToWatts() <= x.MaxPower.ToWatts())
            .WithMessage(x => $"IdlePower (W_idle) must be between 0 and MaxPower ({F(x.MaxPower.ToWatts())} W); it was {F(x.IdlePower.ToWatts())} W.");
        RuleFor(x => x.ServerOverheadFactor).Must(f => double.IsFinite(f) && f >= 1d)
            .WithMessage(x => $"ServerOverheadFactor must be a finite multiple of at least 1 (the server draws at least what its accelerators draw); it was {F(x.ServerOverheadFactor)}.");
    }

    internal static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// The rules for a <see cref="Facility"/>: IT capacity greater than zero; PUE (constant and each monthly value)
/// finite and at least 1; twelve monthly PUEs if any; utilisation in [0, 1]; a valid <see cref="AcceleratorFleet"/>;
/// and the fleet's IT draw at full utilisation not above the IT capacity.
/// </summary>
public sealed class FacilityValidator : AbstractValidator<Facility>
{
    /// <summary>A shared instance.</summary>
    public static FacilityValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public FacilityValidator()
    {
        RuleFor(x => x.ItCapacity).Must(p => double.IsFinite(p.ToWatts()) && p.ToWatts() > 0)
            .WithMessage(x => $"ItCapacity must be greater than zero; it was {F(x.ItCapacity.ToMegawatts())} MW.");
        RuleFor(x => x.Pue).Must(p => double.IsFinite(p) && p >= 1d)
            .WithMessage(x => $"Pue must be at least 1 (a facility cannot use less energy than its IT load); it was {F(x.Pue)}.");
        RuleFor(x => x.MonthlyPue).Must(m => m is null || m.Count == 12)
            .WithMessage(x => $"MonthlyPue must have twelve values, January to December; it had {x.MonthlyPue!.Count}.");
        RuleForEach(x => x.MonthlyPue).Must(p => double.IsFinite(p) && p >= 1d)
            .WithMessage((x, p) => $"MonthlyPue values must be at least 1 (a facility cannot use less energy than its IT load); one was {F(p)}.");
        RuleFor(x => x.Utilization).Must(u => double.IsFinite(u) && u >= 0d && u <= 1d)
            .WithMessage(x => $"Utilization must be between 0 and 1 inclusive; it was {F(x.Utilization)}.");
        RuleFor(x => x.Accelerators).NotNull().WithMessage("Accelerators must be given.")
            .SetValidator(AcceleratorFleetValidator.Instance);
        RuleFor(x => x.Accelerators)
            .Must((x, a) => a.ItPower(1d).ToWatts() <= x.ItCapacity.ToWatts() * (1 + 1e-12))
            .When(x => x.Accelerators is not null && AcceleratorFleetValidator.Instance.Validate(x.Accelerators).IsValid && x.ItCapacity.ToWatts() > 0)
            .WithMessage(x => $"Accelerators at full utilisation draw {F(x.Accelerators.ItPower(1d).ToMegawatts())} MW of IT power, more than the ItCapacity of {F(x.ItCapacity.ToMegawatts())} MW.");
    }

    private static string F(double v) => AcceleratorFleetValidator.F(v);
}
