using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using UnitsNet;

namespace CloudEconomics.Serialization;

/// <summary>
/// JSON for UnitsNet quantities (UnitsNet 5 has no System.Text.Json support): <c>{"value": 700, "unit": "W"}</c>,
/// the unit being UnitsNet's invariant-culture default abbreviation (<c>"kW"</c>, <c>"MWh"</c>, <c>"GB"</c>,
/// <c>"GiB"</c>, <c>"TB/s"</c>, <c>"h"</c>). A quantity is written in the unit it holds, so 80 GB stays 80 GB and 80 GiB
/// stays 80 GiB.
/// </summary>
public sealed class UnitsNetJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => typeof(IQuantity).IsAssignableFrom(typeToConvert) && typeToConvert.IsValueType;

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(QuantityConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class QuantityConverter<TQuantity> : JsonConverter<TQuantity> where TQuantity : IQuantity
    {
        public override TQuantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var (value, unit) = JsonReading.ReadValueAndUnit(ref reader);
            return QuantityReading.Create<TQuantity>(value, unit);
        }

        public override void Write(Utf8JsonWriter writer, TQuantity value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", (double)value.Value);
            writer.WriteString("unit", Abbreviation(value.Unit));
            writer.WriteEndObject();
        }

        private static string Abbreviation(Enum unit) => UnitAbbreviations.Of(unit) ?? UnitsNetSetup.Default.UnitAbbreviations.GetDefaultAbbreviation(unit.GetType(), Convert.ToInt32(unit, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}

/// <summary>Creates a quantity from a value and a unit abbreviation: the common units by table, others by UnitsNet's parser.</summary>
internal static class QuantityReading
{
    /// <summary>The quantity; throws <see cref="JsonException"/> for a non-finite value or an unknown unit.</summary>
    internal static TQuantity Create<TQuantity>(double value, string unit) where TQuantity : IQuantity
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException($"A {typeof(TQuantity).Name} value must be finite.");
        }
        try
        {
            if (UnitAbbreviations.TryCreate<TQuantity>(value, unit, out var tabled))
            {
                return tabled;
            }
        }
        catch (OverflowException)
        {
            // Power, BitRate and Information hold decimals in UnitsNet 5.
            throw new JsonException($"A {typeof(TQuantity).Name} of {value.ToString("R", CultureInfo.InvariantCulture)} {unit} is out of range.");
        }
        // UnitsNet's quantity table and parser are built on first use (about half a second): only for units outside the table.
        var info = Quantity.ByName[typeof(TQuantity).Name];
        if (!UnitsNetSetup.Default.UnitParser.TryParse(unit, info.UnitType, CultureInfo.InvariantCulture, out Enum? parsed) || parsed is null)
        {
            var example = UnitAbbreviations.Of(info.BaseUnitInfo.Value) ?? UnitsNetSetup.Default.UnitAbbreviations.GetDefaultAbbreviation(info.BaseUnitInfo.Value.GetType(), Convert.ToInt32(info.BaseUnitInfo.Value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            throw new JsonException($"\"{unit}\" is not a unit of {info.Name}; use an abbreviation such as \"{example}\".");
        }
        try
        {
            return (TQuantity)Quantity.From(value, parsed);
        }
        catch (OverflowException)
        {
            throw new JsonException($"A {typeof(TQuantity).Name} of {value.ToString("R", CultureInfo.InvariantCulture)} {unit} is out of range.");
        }
    }
}
