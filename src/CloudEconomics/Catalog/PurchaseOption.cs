using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace CloudEconomics.Catalog;

/// <summary>How capacity is bought.</summary>
public enum PurchaseOptionKind
{
    /// <summary>Pay as you go, no commitment.</summary>
    OnDemand = 0,
    /// <summary>Spare capacity at a discount, interruptible.</summary>
    Spot = 1,
    /// <summary>A reserved instance for a term (AWS RI, Azure reservation), with a payment option.</summary>
    Reserved = 2,
    /// <summary>A spend commitment for a term (AWS Savings Plans).</summary>
    SavingsPlan = 3,
    /// <summary>A committed use discount for a term (Google Cloud CUD).</summary>
    CommittedUse = 4,
    /// <summary>Capacity reserved ahead for a fixed block of time and paid up front (EC2 Capacity Blocks for ML).</summary>
    CapacityBlock = 5,
    /// <summary>An automatic discount tier for running a large part of a month (Google Cloud sustained use).</summary>
    SustainedUse = 6,
    /// <summary>Usage paid from credits bundled with another product or programme.</summary>
    BundledCredits = 7,
}

/// <summary>How much of a commitment is paid at the start.</summary>
public enum PaymentOption
{
    /// <summary>Nothing up front; everything hourly.</summary>
    NoUpfront = 0,
    /// <summary>Part up front, the rest hourly.</summary>
    PartialUpfront = 1,
    /// <summary>Everything up front.</summary>
    AllUpfront = 2,
}

/// <summary>
/// A purchase option as data: the kind, and where relevant the term in months, the payment option, the sustained-use
/// tier or the credit programme. Equal options compare equal.
/// </summary>
public sealed record PurchaseOption
{
    /// <summary>The kind.</summary>
    public required PurchaseOptionKind Kind { get; init; }

    /// <summary>Term in months (12 or 36 for reservations); null for options without a term.</summary>
    public int? TermMonths { get; init; }

    /// <summary>Payment option of a reservation or savings plan; null when not stated.</summary>
    public PaymentOption? Payment { get; init; }

    /// <summary>Sustained-use tier, such as <c>"75-100% of the month"</c>.</summary>
    public string? Tier { get; init; }

    /// <summary>Credit programme of bundled credits.</summary>
    public string? Program { get; init; }

    /// <summary>The term in years (months / 12), or null.</summary>
    [JsonIgnore]
    public double? TermYears => TermMonths / 12d;

    /// <summary>Whether the option commits the buyer for a term or a block (reserved, savings plan, committed use, capacity block).</summary>
    [JsonIgnore]
    public bool IsCommitment => Kind is PurchaseOptionKind.Reserved or PurchaseOptionKind.SavingsPlan or PurchaseOptionKind.CommittedUse or PurchaseOptionKind.CapacityBlock;

    /// <summary>On demand.</summary>
    public static PurchaseOption OnDemand { get; } = new() { Kind = PurchaseOptionKind.OnDemand };

    /// <summary>Spot.</summary>
    public static PurchaseOption Spot { get; } = new() { Kind = PurchaseOptionKind.Spot };

    /// <summary>Capacity block.</summary>
    public static PurchaseOption CapacityBlock { get; } = new() { Kind = PurchaseOptionKind.CapacityBlock };

    /// <summary>A reservation of 1 or 3 years.</summary>
    /// <param name="years">1 or 3.</param>
    /// <param name="payment">The payment option.</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is not 1 or 3.</exception>
    public static PurchaseOption Reserved(int years, PaymentOption payment)
        => new() { Kind = PurchaseOptionKind.Reserved, TermMonths = CheckYears(years), Payment = payment };

    /// <summary>A savings plan of 1 or 3 years.</summary>
    /// <param name="years">1 or 3.</param>
    /// <param name="payment">The payment option, or null when not stated.</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is not 1 or 3.</exception>
    public static PurchaseOption SavingsPlan(int years, PaymentOption? payment = null)
        => new() { Kind = PurchaseOptionKind.SavingsPlan, TermMonths = CheckYears(years), Payment = payment };

    /// <summary>A committed use discount of 1 or 3 years.</summary>
    /// <param name="years">1 or 3.</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is not 1 or 3.</exception>
    public static PurchaseOption CommittedUse(int years)
        => new() { Kind = PurchaseOptionKind.CommittedUse, TermMonths = CheckYears(years) };

    /// <summary>A sustained-use tier.</summary>
    /// <param name="tier">The tier, such as <c>"75-100% of the month"</c>; not blank.</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentException"><paramref name="tier"/> is blank.</exception>
    public static PurchaseOption SustainedUse(string tier)
        => new() { Kind = PurchaseOptionKind.SustainedUse, Tier = string.IsNullOrWhiteSpace(tier) ? throw new ArgumentException("A sustained-use tier must be named; it was blank.", nameof(tier)) : tier };

    /// <summary>Usage paid from bundled credits.</summary>
    /// <param name="program">The programme, such as <c>"OpenAI credits"</c>; not blank.</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentException"><paramref name="program"/> is blank.</exception>
    public static PurchaseOption BundledCredits(string program)
        => new() { Kind = PurchaseOptionKind.BundledCredits, Program = string.IsNullOrWhiteSpace(program) ? throw new ArgumentException("A credit programme must be named; it was blank.", nameof(program)) : program };

    private static int CheckYears(int years) => years is 1 or 3
        ? years * 12
        : throw new ArgumentOutOfRangeException(nameof(years), years, $"A term must be 1 or 3 years; it was {years.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Readable invariant text such as <c>"reserved 3y partial upfront"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Kind switch
        {
            PurchaseOptionKind.OnDemand => "on-demand",
            PurchaseOptionKind.Spot => "spot",
            PurchaseOptionKind.Reserved => "reserved",
            PurchaseOptionKind.SavingsPlan => "savings plan",
            PurchaseOptionKind.CommittedUse => "committed use",
            PurchaseOptionKind.CapacityBlock => "capacity block",
            PurchaseOptionKind.SustainedUse => "sustained use",
            PurchaseOptionKind.BundledCredits => "bundled credits",
            _ => Kind.ToString(),
        });
        if (TermMonths is { } months)
        {
            text.Append(' ').Append(months % 12 == 0 ? (months / 12).ToString(CultureInfo.InvariantCulture) + "y" : months.ToString(CultureInfo.InvariantCulture) + "mo");
        }
        if (Payment is { } payment)
        {
            text.Append(payment switch { PaymentOption.NoUpfront => " no upfront", PaymentOption.PartialUpfront => " partial upfront", _ => " all upfront" });
        }
        if (Tier is not null)
        {
            text.Append(' ').Append(Tier);
        }
        if (Program is not null)
        {
            text.Append(' ').Append(Program);
        }
        return text.ToString();
    }
}
