namespace CloudEconomics.Catalog.Validation;

/// <summary>
/// The record validators' rules as plain checks, for the load path: building FluentValidation validators and running
/// them the first time costs hundreds of milliseconds of start-up, while these checks cost microseconds. A record these
/// checks pass is valid under the public validators too (a test compares both on the seeds and on mutated records);
/// when a check fails, the loader runs the public validator to report the problems in its words, so problem reports
/// are the validators' own. The checks may be stricter than a validator (a null child figure, a blank text), never
/// looser: a record a check refuses and the validator accepts is accepted.
/// </summary>
internal static class CatalogChecks
{
    internal static bool IsValid(Provider p)
    {
        if (!IsId(p.Id) || IsBlank(p.Name) || p.Regions is null)
        {
            return false;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in p.Regions)
        {
            if (region is null || IsBlank(region.Id) || !seen.Add(region.Id))
            {
                return false;
            }
        }
        return p.Positioning is not { } positioning
               || (!IsBlank(positioning.Label) && Enum.IsDefined(positioning.ArchitectureKind) && positioning.Families is not null
                   && IsValid(positioning.PrimaryFocus, required: true) && IsValid(positioning.ChipArchitecture, required: true)
                   && IsValid(positioning.PricingModel, required: true) && IsValid(positioning.BenchmarkLead, required: true));
    }

    internal static bool IsValid(Accelerator a)
    {
        if (!IsId(a.Id) || IsBlank(a.Name) || IsBlank(a.Vendor) || IsBlank(a.Family) || IsBlank(a.Generation) || !Enum.IsDefined(a.Kind)
            || !IsValid(a.ProcessNode, required: false)
            || !IsValid(a.LaunchYear, y => y is >= 1950 and <= 2200)
            || !IsValid(a.MemoryCapacityFigure, v => IsPositive((double)v.Bytes))
            || !IsValid(a.MemoryBandwidthFigure, v => IsPositive((double)v.BitsPerSecond))
            || !IsValid(a.ThermalDesignPowerFigure, v => IsPositive((double)v.Watts))
            || !IsValid(a.ScaleUpBandwidth, v => IsPositive((double)v.BitsPerSecond))
            || !IsValid(a.ScaleUpDomain, v => v > 0)
            || a.PeakDenseCompute is null || a.PeakSparseCompute is null)
        {
            return false;
        }
        foreach (var map in (IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>>[])[a.PeakDenseCompute, a.PeakSparseCompute])
        {
            foreach (var (precision, figure) in map)
            {
                if (!Enum.IsDefined(precision) || !IsValid(figure, v => IsPositive(v.FlopsPerSecond)))
                {
                    return false;
                }
            }
        }
        foreach (var (precision, sparse) in a.PeakSparseCompute)
        {
            if (sparse.Value is { } s && a.PeakDenseCompute.TryGetValue(precision, out var dense) && dense?.Value is { } d && s < d)
            {
                return false;
            }
        }
        return true;
    }

    internal static bool IsValid(InstanceType i)
        => IsId(i.Id) && !IsBlank(i.Provider) && !IsBlank(i.Name) && !IsBlank(i.AcceleratorId) && Enum.IsDefined(i.Billing)
           && IsValid(i.AcceleratorCount, v => v > 0, required: true)
           && (i.Billing != BillingUnit.PerAccelerator || i.AcceleratorCount.Value == 1)
           && IsValid(i.Vcpus, v => v > 0)
           && IsValid(i.Memory, v => IsPositive((double)v.Bytes))
           && IsValid(i.NetworkBandwidth, v => IsPositive((double)v.BitsPerSecond))
           && IsValid(i.ScaleOutFabric, required: false);

    internal static bool IsValid(PurchaseOption o)
    {
        if (!Enum.IsDefined(o.Kind))
        {
            return false;
        }
        var termOk = o.Kind switch
        {
            PurchaseOptionKind.Reserved or PurchaseOptionKind.SavingsPlan or PurchaseOptionKind.CommittedUse => o.TermMonths is 12 or 36,
            PurchaseOptionKind.OnDemand or PurchaseOptionKind.Spot or PurchaseOptionKind.SustainedUse or PurchaseOptionKind.BundledCredits => o.TermMonths is null,
            _ => o.TermMonths is null or > 0,
        };
        var paymentOk = o.Payment is not { } payment
                        || (o.Kind is PurchaseOptionKind.Reserved or PurchaseOptionKind.SavingsPlan && Enum.IsDefined(payment));
        return termOk && paymentOk
               && (o.Kind != PurchaseOptionKind.SustainedUse || !IsBlank(o.Tier))
               && (o.Kind != PurchaseOptionKind.BundledCredits || !IsBlank(o.Program));
    }

    internal static bool IsValid(PriceOffer o)
    {
        if (!IsId(o.Id) || (o.InstanceId is null) == (o.AcceleratorId is null) || IsBlank(o.Region) || o.Option is null || !IsValid(o.Option)
            || !IsValid(o.HourlyPrice, p => p.PerHour.Amount > 0, required: true))
        {
            return false;
        }
        if (o.Upfront is { } upfront
            && (!IsValid(upfront, m => m.Amount >= 0, required: true) || !o.Option.IsCommitment || upfront.Value!.Value.Currency != o.HourlyPrice.Value!.Value.Currency))
        {
            return false;
        }
        return o.ValidFrom is null || o.ValidTo is null || o.ValidTo.Value >= o.ValidFrom.Value;
    }

    private static bool IsValid<T>(Figure<T>? figure, Func<T, bool> rule, bool required = false) where T : struct
        => figure is not null && (figure.Value is not { } value ? !required : IsComplete(figure.Provenance) && rule(value));

    private static bool IsValid(TextFigure? figure, bool required)
        => figure is not null && (figure.Value is not { } text ? !required : !IsBlank(text) && IsComplete(figure.Provenance));

    private static bool IsComplete(Provenance? p)
    {
        if (p is null || IsBlank(p.Source) || p.AsOf is null || p.Confidence is not { } confidence || !Enum.IsDefined(confidence) || p.DerivedFrom is null)
        {
            return false;
        }
        foreach (var input in p.DerivedFrom)
        {
            if (IsBlank(input))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0;

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>The id rule of <see cref="Ids.Pattern"/> (<c>^[A-Za-z0-9][A-Za-z0-9._/:-]*$</c>) without a regular expression.</summary>
    internal static bool IsId(string? id)
        => !string.IsNullOrEmpty(id) && char.IsAsciiLetterOrDigit(id[0]) && !id.AsSpan(1).ContainsAnyExcept(IdCharacters);

    // Vectorized by the framework: ids are most of the text a large catalog's checks look at.
    private static readonly System.Buffers.SearchValues<char> IdCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/:-");
}
