using System.Globalization;
using CloudEconomics.Utility;
using UnitsNet;

namespace CloudEconomics.Inference;

/// <summary>Energy used per token, in joules (J/token); also kWh per million tokens. Never negative.</summary>
/// <remarks>
/// From a power draw P (W), a throughput r (tokens/s at full load), a utilisation u and a PUE:
/// J/token = P x PUE / (r x u); kWh per million tokens = J/token x 1,000,000 / 3,600,000. Dividing by u charges idle
/// time at the same power: a conservative choice when idle draw is unknown.
/// </remarks>
public readonly struct EnergyPerToken : IEquatable<EnergyPerToken>, IComparable<EnergyPerToken>, IFormattable
{
    private EnergyPerToken(double joules) => JoulesPerToken = joules;

    /// <summary>Joules per token.</summary>
    public double JoulesPerToken { get; }

    /// <summary>Kilowatt-hours per million tokens: J/token x 10^6 / 3.6 x 10^6.</summary>
    public double KilowattHoursPerMillionTokens => JoulesPerToken / 3.6;

    /// <summary>Creates the value from joules per token.</summary>
    /// <param name="value">J/token; finite and not negative.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or not finite.</exception>
    public static EnergyPerToken FromJoulesPerToken(double value) => new(Preconditions.CheckNonNegative(value, nameof(value)));

    /// <summary>Energy per token from a power draw and a throughput.</summary>
    /// <param name="power">Power of the hardware producing <paramref name="throughput"/>; greater than zero.</param>
    /// <param name="throughput">Tokens per second at full load; greater than zero.</param>
    /// <param name="utilization">Fraction of time at full load, in (0, 1].</param>
    /// <param name="powerUsageEffectiveness">Facility PUE, at least 1 (1 counts the chips alone).</param>
    /// <returns>The energy per token.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks its rule (names the parameter).</exception>
    public static EnergyPerToken From(UnitsNet.Power power, TokenRate throughput, double utilization = 1, double powerUsageEffectiveness = 1)
    {
        double watts = (double)power.Watts;
        if (!(watts > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(power), watts, string.Create(CultureInfo.InvariantCulture, $"Power must be greater than zero watts; it was {watts:R} W."));
        }
        if (!(throughput.TokensPerSecond > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(throughput), throughput.TokensPerSecond, $"Throughput must be greater than zero tokens per second; it was {throughput}.");
        }
        Preconditions.CheckUnitIntervalExclusiveZero(utilization, nameof(utilization));
        Preconditions.CheckFinite(powerUsageEffectiveness, nameof(powerUsageEffectiveness));
        if (powerUsageEffectiveness < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(powerUsageEffectiveness), powerUsageEffectiveness, string.Create(CultureInfo.InvariantCulture, $"PUE must be at least 1; it was {powerUsageEffectiveness:R}."));
        }
        return FromJoulesPerToken(watts * powerUsageEffectiveness / (throughput.TokensPerSecond * utilization));
    }

    /// <summary>Energy per token of an estimate: chip power x accelerator count over total throughput at the workload's utilisation.</summary>
    /// <param name="estimate">The estimate; its accelerator must state a power.</param>
    /// <param name="powerUsageEffectiveness">Facility PUE, at least 1.</param>
    /// <returns>The energy per token.</returns>
    /// <exception cref="ArgumentException">The accelerator's power is unknown, or the model does not fit (parameter <c>estimate</c>).</exception>
    public static EnergyPerToken ForEstimate(ThroughputEstimate estimate, double powerUsageEffectiveness = 1)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.Deployment.Accelerator.Power is not { } chipPower)
        {
            throw new ArgumentException($"Accelerator '{estimate.Deployment.Accelerator.Name}' must state its power to compute energy per token; it is unknown.", nameof(estimate));
        }
        if (!estimate.Fit.Fits)
        {
            throw new ArgumentException("The estimate must be for a model that fits its deployment: " + estimate.Fit.Reason, nameof(estimate));
        }
        var total = UnitsNet.Power.FromWatts(chipPower.Watts * estimate.Deployment.AcceleratorCount);
        return From(total, estimate.TotalThroughput, estimate.Workload.Utilization, powerUsageEffectiveness);
    }

    /// <summary>The energy cost per million tokens at an energy price.</summary>
    /// <param name="price">Price per MWh.</param>
    /// <returns>kWh per million tokens x price per kWh.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price is negative (a negative energy price gives no price per token).</exception>
    public PricePerMillionTokens CostAt(PricePerEnergy price)
        => new(price.CostOf(Energy.FromMegawattHours(KilowattHoursPerMillionTokens / 1000d)));

    /// <summary>The energy of a number of tokens.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <returns>J/token x tokens.</returns>
    public Energy EnergyFor(TokenCount tokens) => Energy.FromJoules(JoulesPerToken * tokens.Tokens);

    /// <summary>Ordering.</summary>
    public static bool operator <(EnergyPerToken left, EnergyPerToken right) => left.JoulesPerToken < right.JoulesPerToken;
    /// <summary>Ordering.</summary>
    public static bool operator >(EnergyPerToken left, EnergyPerToken right) => left.JoulesPerToken > right.JoulesPerToken;
    /// <summary>Ordering.</summary>
    public static bool operator <=(EnergyPerToken left, EnergyPerToken right) => left.JoulesPerToken <= right.JoulesPerToken;
    /// <summary>Ordering.</summary>
    public static bool operator >=(EnergyPerToken left, EnergyPerToken right) => left.JoulesPerToken >= right.JoulesPerToken;
    /// <summary>Exact equality of the stored doubles.</summary>
    public static bool operator ==(EnergyPerToken left, EnergyPerToken right) => left.Equals(right);
    /// <summary>Inequality of the stored doubles.</summary>
    public static bool operator !=(EnergyPerToken left, EnergyPerToken right) => !left.Equals(right);

    /// <inheritdoc/>
    public int CompareTo(EnergyPerToken other) => JoulesPerToken.CompareTo(other.JoulesPerToken);
    /// <inheritdoc/>
    public bool Equals(EnergyPerToken other) => JoulesPerToken.Equals(other.JoulesPerToken);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EnergyPerToken other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode() => JoulesPerToken.GetHashCode();

    /// <summary>Invariant text such as <c>"0.52 J/token"</c>.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats J/token with a numeric format (default <c>"#,0.####"</c>).</summary>
    /// <param name="format">Numeric format.</param>
    /// <param name="formatProvider">Culture; null means invariant.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
        => JoulesPerToken.ToString(string.IsNullOrEmpty(format) ? "#,0.####" : format, formatProvider ?? CultureInfo.InvariantCulture) + " J/token";
}
