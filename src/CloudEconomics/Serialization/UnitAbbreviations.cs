using UnitsNet;
using UnitsNet.Units;

namespace CloudEconomics.Serialization;

/// <summary>
/// The unit abbreviations the seeds and users' files use, looked up in a table instead of UnitsNet's parser (whose
/// first use builds every quantity's abbreviation cache: about half a second of start-up). Each entry is UnitsNet's
/// invariant default abbreviation of its unit (checked by a test), so writing and reading agree with UnitsNet's;
/// any other abbreviation still goes through UnitsNet's parser.
/// </summary>
internal static class UnitAbbreviations
{
    private static readonly Dictionary<string, InformationUnit> Information = new(StringComparer.Ordinal)
    {
        ["B"] = InformationUnit.Byte, ["kB"] = InformationUnit.Kilobyte, ["MB"] = InformationUnit.Megabyte, ["GB"] = InformationUnit.Gigabyte,
        ["TB"] = InformationUnit.Terabyte, ["PB"] = InformationUnit.Petabyte, ["KiB"] = InformationUnit.Kibibyte, ["MiB"] = InformationUnit.Mebibyte,
        ["GiB"] = InformationUnit.Gibibyte, ["TiB"] = InformationUnit.Tebibyte, ["PiB"] = InformationUnit.Pebibyte,
    };

    private static readonly Dictionary<string, BitRateUnit> BitRate = new(StringComparer.Ordinal)
    {
        ["bit/s"] = BitRateUnit.BitPerSecond, ["kbit/s"] = BitRateUnit.KilobitPerSecond, ["Mbit/s"] = BitRateUnit.MegabitPerSecond,
        ["Gbit/s"] = BitRateUnit.GigabitPerSecond, ["Tbit/s"] = BitRateUnit.TerabitPerSecond, ["B/s"] = BitRateUnit.BytePerSecond,
        ["kB/s"] = BitRateUnit.KilobytePerSecond, ["MB/s"] = BitRateUnit.MegabytePerSecond, ["GB/s"] = BitRateUnit.GigabytePerSecond,
        ["TB/s"] = BitRateUnit.TerabytePerSecond, ["GiB/s"] = BitRateUnit.GibibytePerSecond, ["TiB/s"] = BitRateUnit.TebibytePerSecond,
    };

    private static readonly Dictionary<string, PowerUnit> Power = new(StringComparer.Ordinal)
    {
        ["W"] = PowerUnit.Watt, ["kW"] = PowerUnit.Kilowatt, ["MW"] = PowerUnit.Megawatt, ["GW"] = PowerUnit.Gigawatt,
    };

    private static readonly Dictionary<string, EnergyUnit> Energy = new(StringComparer.Ordinal)
    {
        ["Wh"] = EnergyUnit.WattHour, ["kWh"] = EnergyUnit.KilowattHour, ["MWh"] = EnergyUnit.MegawattHour, ["GWh"] = EnergyUnit.GigawattHour,
        ["TWh"] = EnergyUnit.TerawattHour, ["J"] = EnergyUnit.Joule,
    };

    /// <summary>Every entry, for the test that checks each against UnitsNet.</summary>
    internal static IEnumerable<(string Abbreviation, Enum Unit)> All
        => Information.Select(p => (p.Key, (Enum)p.Value)).Concat(BitRate.Select(p => (p.Key, (Enum)p.Value)))
            .Concat(Power.Select(p => (p.Key, (Enum)p.Value))).Concat(Energy.Select(p => (p.Key, (Enum)p.Value)));

    /// <summary>Creates a quantity of type <typeparamref name="TQuantity"/> from a tabled abbreviation; false when not tabled.</summary>
    internal static bool TryCreate<TQuantity>(double value, string abbreviation, out TQuantity quantity) where TQuantity : IQuantity
    {
        object? created = null;
        if (typeof(TQuantity) == typeof(Information) && Information.TryGetValue(abbreviation, out var information))
        {
            created = UnitsNet.Information.From(value, information);
        }
        else if (typeof(TQuantity) == typeof(BitRate) && BitRate.TryGetValue(abbreviation, out var bitRate))
        {
            created = UnitsNet.BitRate.From(value, bitRate);
        }
        else if (typeof(TQuantity) == typeof(UnitsNet.Power) && Power.TryGetValue(abbreviation, out var power))
        {
            created = UnitsNet.Power.From(value, power);
        }
        else if (typeof(TQuantity) == typeof(UnitsNet.Energy) && Energy.TryGetValue(abbreviation, out var energy))
        {
            created = UnitsNet.Energy.From(value, energy);
        }
        quantity = created is null ? default! : (TQuantity)created;
        return created is not null;
    }

    /// <summary>The tabled abbreviation of a unit (UnitsNet's invariant default), or null when not tabled.</summary>
    internal static string? Of(Enum unit) => unit switch
    {
        InformationUnit u => Find(Information, u),
        BitRateUnit u => Find(BitRate, u),
        PowerUnit u => Find(Power, u),
        EnergyUnit u => Find(Energy, u),
        _ => null,
    };

    private static string? Find<TUnit>(Dictionary<string, TUnit> table, TUnit unit) where TUnit : struct, Enum
    {
        foreach (var (abbreviation, candidate) in table)
        {
            if (EqualityComparer<TUnit>.Default.Equals(candidate, unit))
            {
                return abbreviation;
            }
        }
        return null;
    }
}
