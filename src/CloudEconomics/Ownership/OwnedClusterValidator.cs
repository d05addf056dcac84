using System.Globalization;
using CloudEconomics.Power;
using FluentValidation;
using NodaTime;

namespace CloudEconomics.Ownership;

/// <summary>
/// The rules for an <see cref="OwnedCluster"/>. Each message names the property, states the rule and the value.
/// </summary>
/// <remarks>
/// Rules: a valid <see cref="Facility"/>; accelerators per server greater than zero; server price, facility capex per
/// MW, networking capex, staff and space costs not negative and in the server price's currency; networking as
/// exactly one of a share (finite, not negative) or an explicit amount; useful lives greater than zero; a life
/// change dated after commissioning, with a new life longer than the time elapsed at the change; salvage in [0, 1];
/// cost of capital finite and greater than -1; a loan with a fraction in (0, 1], a rate finite and not negative
/// and a term greater than zero; maintenance rate finite and not negative; energy as exactly one of a flat price
/// (not negative, in the currency) or a power portfolio (in the currency); horizon greater than zero if given.
/// </remarks>
public sealed class OwnedClusterValidator : AbstractValidator<OwnedCluster>
{
    /// <summary>A shared instance.</summary>
    public static OwnedClusterValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public OwnedClusterValidator()
    {
        RuleFor(x => x.Facility).NotNull().WithMessage("Facility must be given.").SetValidator(FacilityValidator.Instance);
        RuleFor(x => x.AcceleratorsPerServer).GreaterThan(0)
            .WithMessage(x => $"AcceleratorsPerServer must be greater than zero; it was {x.AcceleratorsPerServer}.");
        RuleFor(x => x.ServerPrice).Must(m => m.Amount >= 0)
            .WithMessage(x => $"ServerPrice must not be negative; it was {x.ServerPrice}.");
        RuleFor(x => x.FacilityCapexPerMegawatt).Must(NonNegative)
            .WithMessage(x => $"FacilityCapexPerMegawatt must not be negative; it was {x.FacilityCapexPerMegawatt}.");
        RuleFor(x => x.FacilityCapexPerMegawatt).Must(SameCurrency)
            .WithMessage(x => $"FacilityCapexPerMegawatt must be in the server price's currency {x.Currency}; it is in {x.FacilityCapexPerMegawatt.Currency}.");
        RuleFor(x => x).Must(x => (x.NetworkingShareOfServerCapex is null) != (x.NetworkingCapex is null))
            .WithName("Networking").OverridePropertyName("Networking")
            .WithMessage("Networking must be given exactly once: either NetworkingShareOfServerCapex or NetworkingCapex.");
        RuleFor(x => x.NetworkingShareOfServerCapex!.Value).Must(s => double.IsFinite(s) && s >= 0)
            .When(x => x.NetworkingShareOfServerCapex is not null).OverridePropertyName(nameof(OwnedCluster.NetworkingShareOfServerCapex))
            .WithMessage(x => $"NetworkingShareOfServerCapex must be a finite fraction not below zero; it was {F(x.NetworkingShareOfServerCapex!.Value)}.");
        // One message per Must: a WithMessage applies only to the rule before it (FluentValidation's default otherwise).
        RuleFor(x => x.NetworkingCapex!.Value)
            .Must(NonNegative).WithMessage(x => $"NetworkingCapex must not be negative and must be in {x.Currency}; it was {x.NetworkingCapex}.")
            .Must(SameCurrency).WithMessage(x => $"NetworkingCapex must not be negative and must be in {x.Currency}; it was {x.NetworkingCapex}.")
            .When(x => x.NetworkingCapex is not null).OverridePropertyName(nameof(OwnedCluster.NetworkingCapex));
        RuleFor(x => x.UsefulLifeYears).GreaterThan(0)
            .WithMessage(x => $"UsefulLifeYears must be greater than zero; it was {x.UsefulLifeYears}.");
        RuleFor(x => x.FacilityUsefulLifeYears).GreaterThan(0)
            .WithMessage(x => $"FacilityUsefulLifeYears must be greater than zero; it was {x.FacilityUsefulLifeYears}.");
        RuleFor(x => x.SalvageFraction).Must(s => double.IsFinite(s) && s >= 0 && s <= 1)
            .WithMessage(x => $"SalvageFraction must be between 0 and 1 inclusive; it was {F(x.SalvageFraction)}.");
        RuleFor(x => x.UsefulLifeChange!.EffectiveDate).Must((x, d) => d > x.CommissioningDate)
            .When(x => x.UsefulLifeChange is not null).OverridePropertyName("UsefulLifeChange.EffectiveDate")
            .WithMessage(x => string.Create(CultureInfo.InvariantCulture, $"UsefulLifeChange.EffectiveDate must be after the commissioning date {CloudEconomics.Serialization.IsoDate.Format(x.CommissioningDate)}; it was {CloudEconomics.Serialization.IsoDate.Format(x.UsefulLifeChange!.EffectiveDate)}."));
        RuleFor(x => x.UsefulLifeChange!.UsefulLifeMonths).Must((x, months) => months > x.MonthsBeforeChange())
            .When(x => x.UsefulLifeChange is not null && x.UsefulLifeChange.EffectiveDate > x.CommissioningDate).OverridePropertyName("UsefulLifeChange.UsefulLifeMonths")
            .WithMessage(x => $"UsefulLifeChange.UsefulLifeMonths must be longer than the {x.MonthsBeforeChange()} months already elapsed at the change; it was {x.UsefulLifeChange!.UsefulLifeMonths} months.");
        RuleFor(x => x.UsefulLifeChange!.EffectiveDate).Must((x, d) => x.MonthsBeforeChange() < x.UsefulLifeYears * 12)
            .When(x => x.UsefulLifeChange is not null && x.UsefulLifeChange.EffectiveDate > x.CommissioningDate && x.UsefulLifeYears > 0).OverridePropertyName("UsefulLifeChange.EffectiveDate")
            .WithMessage(x => string.Create(CultureInfo.InvariantCulture, $"UsefulLifeChange.EffectiveDate must fall within the original useful life of {x.UsefulLifeYears} years; it was {CloudEconomics.Serialization.IsoDate.Format(x.UsefulLifeChange!.EffectiveDate)}."));
        RuleFor(x => x.Financing).NotNull().WithMessage("Financing must be given.");
        RuleFor(x => x.Financing.CostOfCapital).Must(r => double.IsFinite(r) && r > -1)
            .When(x => x.Financing is not null).OverridePropertyName("Financing.CostOfCapital")
            .WithMessage(x => $"Financing.CostOfCapital must be a finite annual rate greater than -1; it was {F(x.Financing.CostOfCapital)}.");
        RuleFor(x => x.Financing.Loan!.FractionOfCapex).Must(f => double.IsFinite(f) && f > 0 && f <= 1)
            .When(x => x.Financing?.Loan is not null).OverridePropertyName("Financing.Loan.FractionOfCapex")
            .WithMessage(x => $"Financing.Loan.FractionOfCapex must be greater than 0 and at most 1; it was {F(x.Financing.Loan!.FractionOfCapex)}.");
        RuleFor(x => x.Financing.Loan!.AnnualRate).Must(r => double.IsFinite(r) && r >= 0)
            .When(x => x.Financing?.Loan is not null).OverridePropertyName("Financing.Loan.AnnualRate")
            .WithMessage(x => $"Financing.Loan.AnnualRate must be a finite rate not below zero; it was {F(x.Financing.Loan!.AnnualRate)}.");
        RuleFor(x => x.Financing.Loan!.TermYears).GreaterThan(0)
            .When(x => x.Financing?.Loan is not null).OverridePropertyName("Financing.Loan.TermYears")
            .WithMessage(x => $"Financing.Loan.TermYears must be greater than zero; it was {x.Financing.Loan!.TermYears}.");
        RuleFor(x => x.MaintenanceRate).Must(r => double.IsFinite(r) && r >= 0)
            .WithMessage(x => $"MaintenanceRate must be a finite annual fraction of capex not below zero; it was {F(x.MaintenanceRate)}.");
        RuleFor(x => x.StaffCostPerYear!.Value)
            .Must(NonNegative).WithMessage(x => $"StaffCostPerYear must not be negative and must be in {x.Currency}; it was {x.StaffCostPerYear}.")
            .Must(SameCurrency).WithMessage(x => $"StaffCostPerYear must not be negative and must be in {x.Currency}; it was {x.StaffCostPerYear}.")
            .When(x => x.StaffCostPerYear is not null).OverridePropertyName(nameof(OwnedCluster.StaffCostPerYear));
        RuleFor(x => x.SpaceCostPerYear!.Value)
            .Must(NonNegative).WithMessage(x => $"SpaceCostPerYear must not be negative and must be in {x.Currency}; it was {x.SpaceCostPerYear}.")
            .Must(SameCurrency).WithMessage(x => $"SpaceCostPerYear must not be negative and must be in {x.Currency}; it was {x.SpaceCostPerYear}.")
            .When(x => x.SpaceCostPerYear is not null).OverridePropertyName(nameof(OwnedCluster.SpaceCostPerYear));
        RuleFor(x => x).Must(x => (x.EnergyPrice is null) != (x.PowerSupply is null))
            .OverridePropertyName("Energy")
            .WithMessage("Energy must be given exactly once: either EnergyPrice or PowerSupply.");
        RuleFor(x => x.EnergyPrice!.Value).Must(p => p.PerMegawattHour.Amount >= 0)
            .When(x => x.EnergyPrice is not null).OverridePropertyName(nameof(OwnedCluster.EnergyPrice))
            .WithMessage(x => $"EnergyPrice must not be negative; it was {x.EnergyPrice}.");
        RuleFor(x => x.EnergyPrice!.Value).Must((x, p) => p.Currency == x.Currency)
            .When(x => x.EnergyPrice is not null).OverridePropertyName(nameof(OwnedCluster.EnergyPrice))
            .WithMessage(x => $"EnergyPrice must be in the server price's currency {x.Currency}; it is in {x.EnergyPrice!.Value.Currency}.");
        RuleFor(x => x.PowerSupply!.Grid.Currency).Must((x, c) => c == x.Currency)
            .When(x => x.PowerSupply is not null).OverridePropertyName(nameof(OwnedCluster.PowerSupply))
            .WithMessage(x => $"PowerSupply must be in the server price's currency {x.Currency}; it is in {x.PowerSupply!.Grid.Currency}.");
        RuleFor(x => x.HorizonYears!.Value).GreaterThan(0)
            .When(x => x.HorizonYears is not null).OverridePropertyName(nameof(OwnedCluster.HorizonYears))
            .WithMessage(x => $"HorizonYears must be greater than zero; it was {x.HorizonYears}.");
    }

    private static bool NonNegative(Money m) => m.Amount >= 0;

    private static bool SameCurrency(OwnedCluster x, Money m) => m.Currency == x.Currency;

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
