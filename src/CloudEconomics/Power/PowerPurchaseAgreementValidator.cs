using System.Globalization;
using FluentValidation;

namespace CloudEconomics.Power;

/// <summary>
/// The rules for a <see cref="PowerPurchaseAgreement"/>. Each message names the property, states the rule and
/// the value. Use <c>ValidateAndThrow</c> (calculators do) to get a <see cref="ValidationException"/> naming every
/// broken property.
/// </summary>
/// <remarks>
/// Rules: counterparty given; capacity greater than zero; contract price (the CfD strike included) not negative
/// (the CfD <em>settlement</em> may be negative; that is not a contract price); escalator finite and at least -1
/// (-100%); end not before start; capacity factors (constant and monthly) in [0, 1]; twelve monthly factors if any;
/// baseload keeps capacity factor 1 and no monthly factors; take-or-pay minimum in [0, 1]; a virtual CfD has a
/// market price path in the strike's currency covering every month of the term; a physical contract has none.
/// </remarks>
public sealed class PowerPurchaseAgreementValidator : AbstractValidator<PowerPurchaseAgreement>
{
    /// <summary>A shared instance (validators are stateless and thread-safe).</summary>
    public static PowerPurchaseAgreementValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public PowerPurchaseAgreementValidator()
    {
        RuleFor(x => x.Counterparty)
            .NotEmpty().WithMessage("Counterparty must name the seller; it was empty.");
        RuleFor(x => x.ContractedCapacity)
            .Must(c => c.ToMegawatts() > 0 && double.IsFinite(c.ToMegawatts()))
            .WithMessage(x => $"ContractedCapacity must be greater than zero; it was {F(x.ContractedCapacity.ToMegawatts())} MW.");
        RuleFor(x => x.Price)
            .Must(p => p.PerMegawattHour.Amount >= 0)
            .WithMessage(x => $"Price must not be negative (a contract price, the CfD strike included, cannot be below zero; only a CfD settlement can); it was {x.Price}.");
        RuleFor(x => x.AnnualEscalator)
            .Must(e => double.IsFinite(e) && e >= -1d)
            .WithMessage(x => $"AnnualEscalator must be a finite fraction of at least -1 (-100% a year); it was {F(x.AnnualEscalator)}.");
        RuleFor(x => x.End)
            .Must((x, end) => end >= x.Start)
            .WithMessage(x => string.Create(CultureInfo.InvariantCulture, $"End date must not be earlier than the start date; End was {CloudEconomics.Serialization.IsoDate.Format(x.End)}, Start {CloudEconomics.Serialization.IsoDate.Format(x.Start)}."));
        RuleFor(x => x.CapacityFactor)
            .Must(InUnitInterval)
            .WithMessage(x => $"CapacityFactor must be between 0 and 1 inclusive; it was {F(x.CapacityFactor)}.");
        RuleFor(x => x.MonthlyCapacityFactors)
            .Must(m => m is null || m.Count == 12)
            .WithMessage(x => $"MonthlyCapacityFactors must have twelve values, January to December; it had {x.MonthlyCapacityFactors!.Count}.");
        RuleForEach(x => x.MonthlyCapacityFactors)
            .Must(InUnitInterval)
            .WithMessage((x, v) => $"MonthlyCapacityFactors values must be between 0 and 1 inclusive; one was {F(v)}.");
        RuleFor(x => x.CapacityFactor)
            .Equal(1d).When(x => x.Shape == DeliveryShape.Baseload)
            .WithMessage(x => $"CapacityFactor must be 1 for a baseload contract (it delivers its capacity every hour); it was {F(x.CapacityFactor)}. Use DeliveryShape.AsGenerated for a lower factor.");
        RuleFor(x => x.MonthlyCapacityFactors)
            .Null().When(x => x.Shape == DeliveryShape.Baseload)
            .WithMessage("MonthlyCapacityFactors must be empty for a baseload contract; use DeliveryShape.AsGenerated for a monthly shape.");
        RuleFor(x => x.TakeOrPayMinimum)
            .Must(InUnitInterval)
            .WithMessage(x => $"TakeOrPayMinimum must be a fraction between 0 and 1 inclusive; it was {F(x.TakeOrPayMinimum)}.");
        RuleFor(x => x.Shape).IsInEnum().WithMessage(x => $"Shape must be Baseload or AsGenerated; it was {(int)x.Shape}.");
        RuleFor(x => x.Source).IsInEnum().WithMessage(x => $"Source must be a defined EnergySourceKind; it was {(int)x.Source}.");
        RuleFor(x => x.Settlement).IsInEnum().WithMessage(x => $"Settlement must be Physical or VirtualContractForDifference; it was {(int)x.Settlement}.");
        RuleFor(x => x.MarketPrices)
            .NotNull().When(x => x.Settlement == SettlementKind.VirtualContractForDifference)
            .WithMessage("MarketPrices must be given for a virtual contract for difference (the strike settles against it).");
        RuleFor(x => x.MarketPrices)
            .Null().When(x => x.Settlement == SettlementKind.Physical)
            .WithMessage("MarketPrices must be empty for a physical contract (it is only used to settle a virtual CfD).");
        RuleFor(x => x.MarketPrices)
            .Must((x, path) => path!.Currency == x.Price.Currency)
            .When(x => x.MarketPrices is not null)
            .WithMessage(x => $"MarketPrices must be in the strike's currency {x.Price.Currency}; they are in {x.MarketPrices!.Currency}.");
        RuleFor(x => x.MarketPrices)
            .Must((x, path) => CoversTerm(path!, x))
            .When(x => x.MarketPrices is not null && x.End >= x.Start)
            .WithMessage(x => string.Create(CultureInfo.InvariantCulture, $"MarketPrices must cover every month of the term {x.Start:uuuu-MM}..{x.End:uuuu-MM}; the path covers {x.MarketPrices!.FirstMonth:yyyy-MM}..{x.MarketPrices.LastMonth:yyyy-MM}."));
    }

    private static bool InUnitInterval(double v) => double.IsFinite(v) && v >= 0d && v <= 1d;

    private static bool CoversTerm(MarketPricePath path, PowerPurchaseAgreement ppa)
        => path.FirstMonth is null
           || (path.Covers(new NodaTime.YearMonth(ppa.Start.Year, ppa.Start.Month)) && path.Covers(new NodaTime.YearMonth(ppa.End.Year, ppa.End.Month)));

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
