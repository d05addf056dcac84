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
        private static readonly QuantityInfo Info = Quantity.ByName[typeof(TQuantity).Name];

        public override TQuantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var (value, unit) = JsonReading.ReadValueAndUnit(ref reader);
            if (!double.IsFinite(value))
            {
                throw new JsonException($"A {Info.Name} value must be finite.");
            }
            if (!UnitsNetSetup.Default.UnitParser.TryParse(unit, Info.UnitType, CultureInfo.InvariantCulture, out Enum? parsed) || parsed is null)
            {
                throw new JsonException($"\"{unit}\" is not a unit of {Info.Name}; use an abbreviation such as \"{Abbreviation(Info.BaseUnitInfo.Value)}\".");
            }
            return (TQuantity)Quantity.From(value, parsed);
        }

        public override void Write(Utf8JsonWriter writer, TQuantity value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", (double)value.Value);
            writer.WriteString("unit", Abbreviation(value.Unit));
            writer.WriteEndObject();
        }

        private static string Abbreviation(Enum unit) => UnitsNetSetup.Default.UnitAbbreviations.GetDefaultAbbreviation(unit.GetType(), Convert.ToInt32(unit, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
