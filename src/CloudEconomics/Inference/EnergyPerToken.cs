using System.Globalization;
using CloudEconomics.Utility;
using UnitsNet;

namespace CloudEconomics.Inference;

/// <summary>Energy used per token, in joules (J/token); also kWh per million tokens. Never negative.</summary>
/// <remarks>
/// From an average power draw P (W), a throughput r (tokens/s at full load), a utilisation u and a PUE:
/// J/token = P x PUE / (r x u); kWh per million tokens = J/token x 1,000,000 / 3,600,000. For an estimate the average
/// draw comes from the Power module's idle-to-max curve (<see cref="ForEstimate"/>), the one energy model of the library.
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

    /// <summary>
    /// Energy per token of an estimate through the Power module's curve (<see cref="Power.AcceleratorFleet"/>): every chip
    /// of the deployment draws overhead x (W_idle + u x (W_max - W_idle)) at the workload's utilisation u, times the PUE,
    /// over the tokens it serves (total throughput x u). W_max is the chip's power (TDP).
    /// </summary>
    /// <param name="estimate">The estimate; its accelerator must state a power and the model must fit.</param>
    /// <param name="powerUsageEffectiveness">Facility PUE, at least 1.</param>
    /// <param name="idlePowerFraction">W_idle / W_max in [0, 1]; null means the chip draws its full power while idle too
    /// (the conservative choice when the idle draw is unknown: J/token = W_max x overhead x PUE / throughput x u / u).</param>
    /// <param name="serverOverheadFactor">Host draw per accelerator as a multiple of the accelerator's (CPUs, NICs, fans); at least 1.</param>
    /// <returns>The energy per token.</returns>
    /// <exception cref="ArgumentException">The accelerator's power is unknown (parameter <c>estimate</c>).</exception>
    /// <exception cref="ModelDoesNotFitException">The model does not fit the deployment: it has no throughput.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A factor breaks its rule (names the parameter).</exception>
    public static EnergyPerToken ForEstimate(ThroughputEstimate estimate, double powerUsageEffectiveness = 1, double? idlePowerFraction = null, double serverOverheadFactor = 1)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.Deployment.Accelerator.Power is not { } chipPower)
        {
            throw new ArgumentException($"Accelerator '{estimate.Deployment.Accelerator.Name}' must state its power to compute energy per token; it is unknown.", nameof(estimate));
        }
        if (idlePowerFraction is { } f && !(f >= 0 && f <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(idlePowerFraction), f, string.Create(CultureInfo.InvariantCulture, $"Idle power fraction must be between 0 and 1; it was {f:R}."));
        }
        Preconditions.CheckFinite(serverOverheadFactor, nameof(serverOverheadFactor));
        if (serverOverheadFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serverOverheadFactor), serverOverheadFactor, string.Create(CultureInfo.InvariantCulture, $"Server overhead factor must be at least 1; it was {serverOverheadFactor:R}."));
        }
        var throughput = estimate.TotalThroughput; // throws ModelDoesNotFitException when the model does not fit
        double maxWatts = (double)chipPower.Watts;
        var fleet = new Power.AcceleratorFleet
        {
            Count = estimate.Deployment.AcceleratorCount,
            MaxPower = chipPower,
            IdlePower = UnitsNet.Power.FromWatts((decimal)(maxWatts * (idlePowerFraction ?? 1d))),
            ServerOverheadFactor = serverOverheadFactor,
        };
        double u = estimate.Workload.Utilization;
        return From(fleet.ItPower(u), throughput, u, powerUsageEffectiveness);
    }

    /// <summary>The energy cost per million tokens at an energy price.</summary>
    /// <param name="price">Price per MWh.</param>
    /// <returns>kWh per million tokens x price per kWh.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The price is negative (a negative energy price gives no price per token).</exception>
    public PricePerMillionTokens CostAt(PricePerEnergy price)
        => new(price.CostOf(KilowattHoursPerMillionTokens / 1000d));

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
