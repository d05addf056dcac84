using FluentValidation;
using UnitsNet;

namespace CloudEconomics.Catalog.Validation;

/// <summary>Shared rules for catalog ids.</summary>
internal static class Ids
{
    internal const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._/:-]*$";
    internal const string Message = "An id must be non-blank and use letters, digits and . _ / : - only (no spaces).";
}

/// <summary>Validates a <see cref="Provider"/>: id, name, unique region ids, and a sourced positioning.</summary>
public sealed class ProviderValidator : AbstractValidator<Provider>
{
    /// <summary>Creates the validator.</summary>
    public ProviderValidator()
    {
        RuleFor(p => p.Id).NotEmpty().WithErrorCode("MissingId").Matches(Ids.Pattern).WithErrorCode("InvalidId").WithMessage(Ids.Message);
        RuleFor(p => p.Name).NotEmpty().WithErrorCode("MissingName");
        RuleFor(p => p.Regions).NotNull();
        RuleForEach(p => p.Regions).ChildRules(r => r.RuleFor(x => x.Id).NotEmpty().WithErrorCode("MissingId"));
        RuleFor(p => p.Regions).Must(r => r is null || r.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == r.Count)
            .WithErrorCode("DuplicateId").WithMessage("Region ids must be unique within a provider.");
        When(p => p.Positioning is not null, () =>
        {
            RuleFor(p => p.Positioning!.Label).NotEmpty().WithErrorCode("MissingName").OverridePropertyName("Positioning.Label");
            RuleFor(p => p.Positioning!.ArchitectureKind).IsInEnum().OverridePropertyName("Positioning.ArchitectureKind");
            RuleFor(p => p.Positioning!.PrimaryFocus).SetValidator(new TextFigureValidator(required: true)).OverridePropertyName("Positioning.PrimaryFocus");
            RuleFor(p => p.Positioning!.ChipArchitecture).SetValidator(new TextFigureValidator(required: true)).OverridePropertyName("Positioning.ChipArchitecture");
            RuleFor(p => p.Positioning!.PricingModel).SetValidator(new TextFigureValidator(required: true)).OverridePropertyName("Positioning.PricingModel");
            RuleFor(p => p.Positioning!.BenchmarkLead).SetValidator(new TextFigureValidator(required: true)).OverridePropertyName("Positioning.BenchmarkLead");
        });
    }
}

/// <summary>
/// Validates an <see cref="Accelerator"/>: ids and names present, every known figure sourced and positive, dense and
/// sparse maps keyed by defined precisions, and a sparse figure never below the dense one.
/// </summary>
public sealed class AcceleratorValidator : AbstractValidator<Accelerator>
{
    /// <summary>Creates the validator.</summary>
    public AcceleratorValidator()
    {
        RuleFor(a => a.Id).NotEmpty().WithErrorCode("MissingId").Matches(Ids.Pattern).WithErrorCode("InvalidId").WithMessage(Ids.Message);
        RuleFor(a => a.Name).NotEmpty().WithErrorCode("MissingName");
        RuleFor(a => a.Vendor).NotEmpty().WithErrorCode("MissingVendor");
        RuleFor(a => a.Family).NotEmpty().WithErrorCode("MissingFamily");
        RuleFor(a => a.Generation).NotEmpty().WithErrorCode("MissingGeneration");
        RuleFor(a => a.Kind).IsInEnum().WithErrorCode("InvalidKind");
        RuleFor(a => a.ProcessNode).NotNull().SetValidator(new TextFigureValidator());
        RuleFor(a => a.LaunchYear).NotNull().SetValidator(new FigureValidator<int>(y => y is >= 1950 and <= 2200, "YearOutOfRange", "A launch year must be between 1950 and 2200."));
        RuleFor(a => a.MemoryCapacityFigure).NotNull().SetValidator(FigureValidator<Information>.Positive(v => (double)v.Bytes));
        RuleFor(a => a.MemoryBandwidthFigure).NotNull().SetValidator(FigureValidator<BitRate>.Positive(v => (double)v.BitsPerSecond));
        RuleFor(a => a.ThermalDesignPowerFigure).NotNull().SetValidator(FigureValidator<UnitsNet.Power>.Positive(v => (double)v.Watts));
        RuleFor(a => a.ScaleUpBandwidth).NotNull().SetValidator(FigureValidator<BitRate>.Positive(v => (double)v.BitsPerSecond));
        RuleFor(a => a.ScaleUpDomain).NotNull().SetValidator(FigureValidator<int>.Positive(v => v));
        RuleFor(a => a.PeakDenseCompute).NotNull();
        RuleFor(a => a.PeakSparseCompute).NotNull();
        RuleForEach(a => a.PeakDenseCompute).ChildRules(PrecisionEntry);
        RuleForEach(a => a.PeakSparseCompute).ChildRules(PrecisionEntry);
        RuleFor(a => a).Must(SparseNotBelowDense).WithName("PeakSparseCompute").OverridePropertyName("PeakSparseCompute").WithErrorCode("SparseBelowDense")
            .WithMessage("A sparse peak must not be lower than the dense peak at the same precision (dense and sparse swapped?).");
    }

    private static void PrecisionEntry(InlineValidator<KeyValuePair<NumericPrecision, Figure<ComputeRate>>> entry)
    {
        entry.RuleFor(e => e.Key).IsInEnum().WithErrorCode("InvalidPrecision");
        entry.RuleFor(e => e.Value).NotNull().SetValidator(FigureValidator<ComputeRate>.Positive(v => v.FlopsPerSecond)).OverridePropertyName("Value");
    }

    private static bool SparseNotBelowDense(Accelerator a)
    {
        if (a.PeakDenseCompute is null || a.PeakSparseCompute is null)
        {
            return true;
        }
        foreach (var (precision, sparse) in a.PeakSparseCompute)
        {
            if (sparse?.Value is { } s && a.PeakDenseCompute.TryGetValue(precision, out var dense) && dense?.Value is { } d && s < d)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>
/// Validates an <see cref="InstanceType"/>: ids present, the accelerator count known and at least 1 (exactly 1 for a
/// per-accelerator product), other known figures sourced and positive.
/// </summary>
public sealed class InstanceTypeValidator : AbstractValidator<InstanceType>
{
    /// <summary>Creates the validator.</summary>
    public InstanceTypeValidator()
    {
        RuleFor(i => i.Id).NotEmpty().WithErrorCode("MissingId").Matches(Ids.Pattern).WithErrorCode("InvalidId").WithMessage(Ids.Message);
        RuleFor(i => i.Provider).NotEmpty().WithErrorCode("MissingProvider");
        RuleFor(i => i.Name).NotEmpty().WithErrorCode("MissingName");
        RuleFor(i => i.AcceleratorId).NotEmpty().WithErrorCode("MissingAccelerator");
        RuleFor(i => i.Billing).IsInEnum().WithErrorCode("InvalidBilling");
        RuleFor(i => i.AcceleratorCount).NotNull().SetValidator(FigureValidator<int>.Positive(v => v, required: true));
        RuleFor(i => i.AcceleratorCount.Value).Equal(1).When(i => i.Billing == BillingUnit.PerAccelerator && i.AcceleratorCount?.Value is not null)
            .WithErrorCode("PerAcceleratorCount").WithMessage("A per-accelerator product must count exactly 1 accelerator.").OverridePropertyName("AcceleratorCount");
        RuleFor(i => i.Vcpus).NotNull().SetValidator(FigureValidator<int>.Positive(v => v));
        RuleFor(i => i.Memory).NotNull().SetValidator(FigureValidator<Information>.Positive(v => (double)v.Bytes));
        RuleFor(i => i.NetworkBandwidth).NotNull().SetValidator(FigureValidator<BitRate>.Positive(v => (double)v.BitsPerSecond));
        RuleFor(i => i.ScaleOutFabric).NotNull().SetValidator(new TextFigureValidator());
    }
}

/// <summary>
/// Validates a <see cref="PurchaseOption"/>: reservations, savings plans and committed use need a 1- or 3-year term;
/// on-demand, spot, sustained use and credits have none; payment options only on reservations and savings plans; a
/// sustained-use tier and a credit programme must be named.
/// </summary>
public sealed class PurchaseOptionValidator : AbstractValidator<PurchaseOption>
{
    /// <summary>Creates the validator.</summary>
    public PurchaseOptionValidator()
    {
        RuleFor(o => o.Kind).IsInEnum().WithErrorCode("InvalidOption");
        RuleFor(o => o.TermMonths).Must(m => m is 12 or 36)
            .When(o => o.Kind is PurchaseOptionKind.Reserved or PurchaseOptionKind.SavingsPlan or PurchaseOptionKind.CommittedUse)
            .WithErrorCode("InvalidTerm").WithMessage("A reservation, savings plan or committed use needs a term of 12 or 36 months.");
        RuleFor(o => o.TermMonths).Null()
            .When(o => o.Kind is PurchaseOptionKind.OnDemand or PurchaseOptionKind.Spot or PurchaseOptionKind.SustainedUse or PurchaseOptionKind.BundledCredits)
            .WithErrorCode("UnexpectedTerm").WithMessage("On-demand, spot, sustained-use and credit prices have no term.");
        RuleFor(o => o.TermMonths).GreaterThan(0).When(o => o.Kind == PurchaseOptionKind.CapacityBlock && o.TermMonths is not null)
            .WithErrorCode("InvalidTerm");
        RuleFor(o => o.Payment).Null().When(o => o.Kind is not (PurchaseOptionKind.Reserved or PurchaseOptionKind.SavingsPlan))
            .WithErrorCode("UnexpectedPayment").WithMessage("Only reservations and savings plans have a payment option.");
        RuleFor(o => o.Payment).IsInEnum().When(o => o.Payment is not null).WithErrorCode("InvalidPayment");
        RuleFor(o => o.Tier).NotEmpty().When(o => o.Kind == PurchaseOptionKind.SustainedUse).WithErrorCode("MissingTier");
        RuleFor(o => o.Program).NotEmpty().When(o => o.Kind == PurchaseOptionKind.BundledCredits).WithErrorCode("MissingProgram");
    }
}

/// <summary>
/// Validates a <see cref="PriceOffer"/> on its own: exactly one of instance or accelerator, a region, a valid option,
/// a sourced hourly price greater than zero, an upfront payment only on a commitment and in the same currency, and
/// valid-to not before valid-from. Cross-record rules (unknown ids, duplicate ids, overlapping offers) are checked
/// when a catalog is built.
/// </summary>
public sealed class PriceOfferValidator : AbstractValidator<PriceOffer>
{
    /// <summary>Creates the validator.</summary>
    public PriceOfferValidator()
    {
        RuleFor(o => o.Id).NotEmpty().WithErrorCode("MissingId").Matches(Ids.Pattern).WithErrorCode("InvalidId").WithMessage(Ids.Message);
        RuleFor(o => o).Must(o => (o.InstanceId is null) != (o.AcceleratorId is null)).OverridePropertyName("InstanceId")
            .WithErrorCode("TargetRequired").WithMessage("An offer prices exactly one of an instance (instanceId) or a single accelerator (acceleratorId).");
        RuleFor(o => o.Region).NotEmpty().WithErrorCode("MissingRegion");
        RuleFor(o => o.Option).NotNull().WithErrorCode("MissingOption").SetValidator(new PurchaseOptionValidator());
        RuleFor(o => o.HourlyPrice).NotNull().WithErrorCode("Required").SetValidator(new FigureValidator<PricePerHour>(
            p => p.PerHour.Amount > 0, "NotPositive", "An hourly price must be greater than zero.", required: true));
        When(o => o.Upfront is not null, () =>
        {
            RuleFor(o => o.Upfront!).SetValidator(new FigureValidator<Money>(m => m.Amount >= 0, "Negative", "An upfront payment must not be negative.", required: true));
            RuleFor(o => o).Must(o => o.Option?.IsCommitment == true).OverridePropertyName("Upfront")
                .WithErrorCode("UnexpectedUpfront").WithMessage("Only a commitment (reserved, savings plan, committed use, capacity block) has an upfront payment.");
            RuleFor(o => o).Must(o => o.Upfront!.Value is not { } u || o.HourlyPrice?.Value is not { } p || u.Currency == p.Currency).OverridePropertyName("Upfront")
                .WithErrorCode("CurrencyMismatch").WithMessage("The upfront payment must be in the currency of the hourly price.");
        });
        RuleFor(o => o.ValidTo).Must((o, to) => o.ValidFrom is null || to is null || to.Value >= o.ValidFrom.Value)
            .WithErrorCode("ValidToBeforeValidFrom").WithMessage("validTo must not be earlier than validFrom.");
    }
}
