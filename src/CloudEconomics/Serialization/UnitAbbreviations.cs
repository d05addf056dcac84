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
    // One table per quantity: abbreviations and units (as their enum values) in parallel arrays, searched by a plain loop.
    // Not dictionaries keyed or valued by UnitsNet's enums: the JIT would compile those generic instantiations in every
    // new process (they span two assemblies, so no ReadyToRun image can hold them; issue 15, start-up).
    private sealed class Table(Type unitType, string[] abbreviations, int[] units)
    {
        internal Type UnitType { get; } = unitType;

        internal string[] Abbreviations { get; } = abbreviations;

        internal int[] Units { get; } = units;

        internal int Find(string abbreviation)
        {
            for (var i = 0; i < Abbreviations.Length; i++)
            {
                if (string.Equals(Abbreviations[i], abbreviation, StringComparison.Ordinal))
                {
                    return Units[i];
                }
            }
            return -1;
        }

        internal string? Of(int unit)
        {
            for (var i = 0; i < Units.Length; i++)
            {
                if (Units[i] == unit)
                {
                    return Abbreviations[i];
                }
            }
            return null;
        }
    }

    private static readonly Table InformationUnits = new(typeof(InformationUnit),
        ["B", "kB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB"],
        [(int)InformationUnit.Byte, (int)InformationUnit.Kilobyte, (int)InformationUnit.Megabyte, (int)InformationUnit.Gigabyte,
         (int)InformationUnit.Terabyte, (int)InformationUnit.Petabyte, (int)InformationUnit.Kibibyte, (int)InformationUnit.Mebibyte,
         (int)InformationUnit.Gibibyte, (int)InformationUnit.Tebibyte, (int)InformationUnit.Pebibyte]);

    private static readonly Table BitRateUnits = new(typeof(BitRateUnit),
        ["bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s", "B/s", "kB/s", "MB/s", "GB/s", "TB/s", "GiB/s", "TiB/s"],
        [(int)BitRateUnit.BitPerSecond, (int)BitRateUnit.KilobitPerSecond, (int)BitRateUnit.MegabitPerSecond,
         (int)BitRateUnit.GigabitPerSecond, (int)BitRateUnit.TerabitPerSecond, (int)BitRateUnit.BytePerSecond,
         (int)BitRateUnit.KilobytePerSecond, (int)BitRateUnit.MegabytePerSecond, (int)BitRateUnit.GigabytePerSecond,
         (int)BitRateUnit.TerabytePerSecond, (int)BitRateUnit.GibibytePerSecond, (int)BitRateUnit.TebibytePerSecond]);

    private static readonly Table PowerUnits = new(typeof(PowerUnit),
        ["W", "kW", "MW", "GW"],
        [(int)PowerUnit.Watt, (int)PowerUnit.Kilowatt, (int)PowerUnit.Megawatt, (int)PowerUnit.Gigawatt]);

    private static readonly Table EnergyUnits = new(typeof(EnergyUnit),
        ["Wh", "kWh", "MWh", "GWh", "TWh", "J"],
        [(int)EnergyUnit.WattHour, (int)EnergyUnit.KilowattHour, (int)EnergyUnit.MegawattHour, (int)EnergyUnit.GigawattHour,
         (int)EnergyUnit.TerawattHour, (int)EnergyUnit.Joule]);

    private static readonly Table[] Tables = [InformationUnits, BitRateUnits, PowerUnits, EnergyUnits];

    /// <summary>Every entry, for the test that checks each against UnitsNet.</summary>
    internal static IEnumerable<(string Abbreviation, Enum Unit)> All
        => Tables.SelectMany(t => t.Abbreviations.Select((a, i) => (a, (Enum)System.Enum.ToObject(t.UnitType, t.Units[i]))));

    // One method per quantity, not one generic over the quantity type: a generic method over UnitsNet's types is an
    // instantiation spanning two assemblies, which the JIT would compile in every new process (the catalog load calls
    // these; the generic TryCreate below is for the JSON converters, off the start-up path).

    /// <summary>An <see cref="UnitsNet.Information"/> from a tabled abbreviation; false when not tabled.</summary>
    internal static bool TryCreateInformation(double value, string abbreviation, out Information quantity)
    {
        var unit = InformationUnits.Find(abbreviation);
        quantity = unit < 0 ? default : UnitsNet.Information.From(value, (InformationUnit)unit);
        return unit >= 0;
    }

    /// <summary>A <see cref="UnitsNet.BitRate"/> from a tabled abbreviation; false when not tabled.</summary>
    internal static bool TryCreateBitRate(double value, string abbreviation, out BitRate quantity)
    {
        var unit = BitRateUnits.Find(abbreviation);
        quantity = unit < 0 ? default : UnitsNet.BitRate.From(value, (BitRateUnit)unit);
        return unit >= 0;
    }

    /// <summary>A <see cref="UnitsNet.Power"/> from a tabled abbreviation; false when not tabled.</summary>
    internal static bool TryCreatePower(double value, string abbreviation, out UnitsNet.Power quantity)
    {
        var unit = PowerUnits.Find(abbreviation);
        quantity = unit < 0 ? default : UnitsNet.Power.From(value, (PowerUnit)unit);
        return unit >= 0;
    }

    /// <summary>An <see cref="UnitsNet.Energy"/> from a tabled abbreviation; false when not tabled.</summary>
    internal static bool TryCreateEnergy(double value, string abbreviation, out Energy quantity)
    {
        var unit = EnergyUnits.Find(abbreviation);
        quantity = unit < 0 ? default : UnitsNet.Energy.From(value, (EnergyUnit)unit);
        return unit >= 0;
    }

    /// <summary>Creates a quantity of type <typeparamref name="TQuantity"/> from a tabled abbreviation; false when not tabled.</summary>
    internal static bool TryCreate<TQuantity>(double value, string abbreviation, out TQuantity quantity) where TQuantity : IQuantity
    {
        object? created = null;
        if (typeof(TQuantity) == typeof(Information) && TryCreateInformation(value, abbreviation, out var information))
        {
            created = information;
        }
        else if (typeof(TQuantity) == typeof(BitRate) && TryCreateBitRate(value, abbreviation, out var bitRate))
        {
            created = bitRate;
        }
        else if (typeof(TQuantity) == typeof(UnitsNet.Power) && TryCreatePower(value, abbreviation, out var power))
        {
            created = power;
        }
        else if (typeof(TQuantity) == typeof(Energy) && TryCreateEnergy(value, abbreviation, out var energy))
        {
            created = energy;
        }
        quantity = created is null ? default! : (TQuantity)created;
        return created is not null;
    }

    /// <summary>The tabled abbreviation of a unit (UnitsNet's invariant default), or null when not tabled.</summary>
    internal static string? Of(Enum unit) => unit switch
    {
        InformationUnit u => InformationUnits.Of((int)u),
        BitRateUnit u => BitRateUnits.Of((int)u),
        PowerUnit u => PowerUnits.Of((int)u),
        EnergyUnit u => EnergyUnits.Of((int)u),
        _ => null,
    };
}
