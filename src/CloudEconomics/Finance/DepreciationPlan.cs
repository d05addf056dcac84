using FluentValidation;
using NodaTime;

namespace CloudEconomics.Finance;

/// <summary>How a dated depreciation schedule spreads cost less salvage over the useful life.</summary>
public enum DepreciationMethod
{
    /// <summary>Equal amounts per unit of time (Excel's SLN spread over months and days).</summary>
    StraightLine,

    /// <summary>
    /// Declining balance at <see cref="DepreciationPlan.DecliningBalanceFactor"/> / life in years per year, switching
    /// to straight line over the remaining life when that is larger (Excel's VDB year by year).
    /// </summary>
    DecliningBalance,

    /// <summary>Sum of the years' digits (Excel's SYD year by year), each year's amount spread evenly over its months.</summary>
    SumOfYearsDigits,
}

/// <summary>
/// A prospective change of useful life (a change in accounting estimate): from <see cref="EffectiveDate"/>, the
/// book value left is depreciated over the new remaining life; past depreciation is not restated.
/// </summary>
/// <param name="EffectiveDate">The date from which the new life applies (Amazon: 2025-01-01).</param>
/// <param name="UsefulLifeMonths">The new total useful life in months, counted from the in-service date (Amazon: 60, down from 72).</param>
public sealed record UsefulLifeChange(LocalDate EffectiveDate, int UsefulLifeMonths)
{
    /// <summary>A change to a life given in years (4.5 = 54 months); the years must make a whole number of months.</summary>
    /// <param name="effectiveDate">The date from which the new life applies.</param>
    /// <param name="usefulLifeYears">The new total useful life in years, counted from the in-service date; greater than 0 and at most 100.</param>
    /// <returns>The change, its life in months.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="usefulLifeYears"/> is not finite, not in (0, 100] or not a whole number of months.</exception>
    public static UsefulLifeChange InYears(LocalDate effectiveDate, double usefulLifeYears) => new(effectiveDate, LifeMonths(usefulLifeYears, nameof(usefulLifeYears)));

    /// <summary>The months of a life given in years: finite, in (0, 100] and a whole number of months, or the named parameter is rejected.</summary>
    /// <param name="years">The life in years.</param>
    /// <param name="paramName">The parameter named in the exception.</param>
    /// <returns>The life in months.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> breaks a rule above.</exception>
    public static int LifeMonths(double years, string paramName)
    {
        if (!double.IsFinite(years) || years <= 0 || years > 100)
        {
            throw new ArgumentOutOfRangeException(paramName, years, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A useful life must be greater than 0 and at most 100 years; it was {years}."));
        }
        double months = years * 12;
        if (Math.Abs(months - Math.Round(months)) > 1e-9)
        {
            throw new ArgumentOutOfRangeException(paramName, years, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A useful life must be a whole number of months; {years} years is {months} months."));
        }
        return (int)Math.Round(months);
    }
}

/// <summary>What a <see cref="UsefulLifeChange"/> does when the asset has already outlived the new life at its effective date.</summary>
public enum OutlivedLifeTreatment
{
    /// <summary>Reject the change: <see cref="DepreciationSchedule.Create"/> throws an <see cref="ArgumentException"/>.</summary>
    Reject = 0,

    /// <summary>
    /// Expense the book value left above salvage on the effective date (accelerated depreciation, as US GAAP ASC 250
    /// treats a shortened life that the asset has already outlived); later changes have nothing left to act on.
    /// </summary>
    ExpenseRemainder = 1,
}

/// <summary>What to depreciate, from when, over how long and how: the input of <see cref="DepreciationSchedule.Create"/>.</summary>
public sealed record DepreciationPlan
{
    /// <summary>The cost capitalised (greater than zero).</summary>
    public required Money Cost { get; init; }

    /// <summary>The expected value at the end of the life (zero to cost, same currency); default zero.</summary>
    public Money? Salvage { get; init; }

    /// <summary>The date the asset is placed in service; depreciation starts that day (a partial first period).</summary>
    public required LocalDate InServiceDate { get; init; }

    /// <summary>The useful life in months (72 = six years); at least 1.</summary>
    public required int UsefulLifeMonths { get; init; }

    /// <summary>The method; default straight line.</summary>
    public DepreciationMethod Method { get; init; } = DepreciationMethod.StraightLine;

    /// <summary>The rate factor of the declining-balance method (2 = double declining); greater than zero; default 2.</summary>
    public double DecliningBalanceFactor { get; init; } = 2.0;

    /// <summary>Changes of useful life, in increasing order of effective date; default none.</summary>
    public IReadOnlyList<UsefulLifeChange> LifeChanges { get; init; } = Array.Empty<UsefulLifeChange>();

    /// <summary>What a life change does when the new life is already outlived at its effective date; default <see cref="OutlivedLifeTreatment.Reject"/>.</summary>
    public OutlivedLifeTreatment OutlivedLife { get; init; } = OutlivedLifeTreatment.Reject;

    /// <summary>The salvage, defaulting to zero in the cost's currency.</summary>
    internal Money SalvageOrZero => Salvage ?? Money.Zero(Cost.Currency);
}

/// <summary>Validates a <see cref="DepreciationPlan"/>; <see cref="DepreciationSchedule.Create"/> runs it.</summary>
public sealed class DepreciationPlanValidator : AbstractValidator<DepreciationPlan>
{
    /// <summary>Creates the validator with every rule of a depreciation plan.</summary>
    public DepreciationPlanValidator()
    {
        RuleFor(p => p.Cost.Amount).GreaterThan(0m).OverridePropertyName(nameof(DepreciationPlan.Cost))
            .WithMessage(p => $"Cost must be greater than zero; it was {p.Cost}.");
        RuleFor(p => p.SalvageOrZero).Must((p, s) => s.Currency == p.Cost.Currency).OverridePropertyName(nameof(DepreciationPlan.Salvage))
            .WithMessage(p => $"Salvage must be in the cost's currency ({p.Cost.Currency.Code}); it was in {p.SalvageOrZero.Currency.Code}.");
        RuleFor(p => p.SalvageOrZero).Must((p, s) => s.Currency != p.Cost.Currency || (s.Amount >= 0m && s.Amount <= p.Cost.Amount))
            .OverridePropertyName(nameof(DepreciationPlan.Salvage))
            .WithMessage(p => $"Salvage must be from zero to the cost ({p.Cost}); it was {p.SalvageOrZero}.");
        RuleFor(p => p.UsefulLifeMonths).GreaterThanOrEqualTo(1)
            .WithMessage(p => $"Useful life must be at least 1 month; it was {p.UsefulLifeMonths}.");
        RuleFor(p => p.Method).IsInEnum().WithMessage(p => $"Method must be StraightLine, DecliningBalance or SumOfYearsDigits; it was {(int)p.Method}.");
        RuleFor(p => p.DecliningBalanceFactor).Must(f => double.IsFinite(f) && f > 0)
            .WithMessage(p => $"Declining-balance factor must be a finite number greater than zero; it was {FinanceChecks.Format(p.DecliningBalanceFactor)}.");
        RuleFor(p => p.OutlivedLife).IsInEnum().WithMessage(p => $"Outlived-life treatment must be Reject or ExpenseRemainder; it was {(int)p.OutlivedLife}.");
        RuleFor(p => p.LifeChanges).NotNull().WithMessage("Life changes must not be null; use an empty list.");
        RuleForEach(p => p.LifeChanges).Must(c => c is not null && c.UsefulLifeMonths >= 1)
            .WithMessage("Each life change must give a useful life of at least 1 month.");
        RuleFor(p => p.LifeChanges).Must(changes => changes is null || changes.Zip(changes.Skip(1)).All(pair => pair.First is null || pair.Second is null || pair.First.EffectiveDate < pair.Second.EffectiveDate))
            .WithMessage("Life changes must be in strictly increasing order of effective date.");
    }
}
