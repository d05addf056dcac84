using System.Text.Json;
using CloudEconomics.Serialization;
using static CloudEconomics.Serialization.FastJsonReading;

namespace CloudEconomics.Power;

/// <summary>
/// The power reference files (seeds/power) read by a <see cref="JsonDocument"/> element walk instead of the serializer's
/// reflection metadata (start-up, issue 15: the serializer path cost 57-67 ms on a process's first
/// <see cref="PowerReferenceData.Default"/>). It reads only the files' own shape: a root object of <c>description</c>,
/// <c>reference</c> (strings or null) and <c>records</c>; each record with exactly its camelCase properties, strings as
/// strings; figures through the same <see cref="ProvenanceJson.Split(JsonElement)"/> the figure converter uses, with a
/// JSON number or null as <c>value</c>; energy sources by their camelCase names. On anything else (another name or case,
/// a missing or repeated property, a null string, a number written as text, comments, text that is not UTF-8) it gives
/// up and returns null, and the caller reads the file with the serializer, which then words any problem as before.
/// </summary>
internal static class PowerSeedWalk
{
    private delegate T RecordReader<out T>(JsonElement record);

    /// <summary>The file's records, or null when the walk gives up.</summary>
    internal static List<T>? TryRead<T>(byte[] utf8) where T : class
    {
        RecordReader<T> read = typeof(T) == typeof(PueRecord) ? (RecordReader<T>)(object)(RecordReader<PueRecord>)ReadPue
            : typeof(T) == typeof(PpaPriceIndexRecord) ? (RecordReader<T>)(object)(RecordReader<PpaPriceIndexRecord>)ReadPpa
            : typeof(T) == typeof(ElectricityPriceRecord) ? (RecordReader<T>)(object)(RecordReader<ElectricityPriceRecord>)ReadElectricity
            : typeof(T) == typeof(PowerDealRecord) ? (RecordReader<T>)(object)(RecordReader<PowerDealRecord>)ReadDeal
            : throw new ArgumentException($"No walk for {typeof(T).Name}.", nameof(T));
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null; // JsonDocument checks string contents only when read: leave text that is not UTF-8 to the checked path
        }
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = Utility.BoundedInput.MaxDepth });
            var seen = 0;
            List<T>? records = null;
            foreach (var p in Properties(document.RootElement))
            {
                switch (p.Name)
                {
                    case "description": Once(ref seen, 1); OptionalText(p.Value); break;
                    case "reference": Once(ref seen, 2); OptionalText(p.Value); break;
                    case "records":
                        Once(ref seen, 4);
                        if (p.Value.ValueKind != JsonValueKind.Array)
                        {
                            throw new GiveUp();
                        }
                        records = [];
                        foreach (var record in p.Value.EnumerateArray())
                        {
                            records.Add(read(record));
                        }
                        break;
                    default: throw new GiveUp();
                }
            }
            return records ?? throw new GiveUp();
        }
        catch (Exception e) when (e is GiveUp or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static PueRecord ReadPue(JsonElement record)
    {
        string? id = null, name = null;
        Figure<decimal>? pue = null;
        var seen = 0;
        foreach (var p in Properties(record))
        {
            switch (p.Name)
            {
                case "id": Once(ref seen, 1); id = Text(p.Value); break;
                case "name": Once(ref seen, 2); name = Text(p.Value); break;
                case "pue": Once(ref seen, 4); pue = DecimalFigure(p.Value); break;
                default: throw new GiveUp();
            }
        }
        Require(seen, 7);
        return new PueRecord(id!, name!, pue!);
    }

    private static PpaPriceIndexRecord ReadPpa(JsonElement record)
    {
        string? id = null, name = null, technology = null, region = null;
        Figure<decimal>? price = null;
        var seen = 0;
        foreach (var p in Properties(record))
        {
            switch (p.Name)
            {
                case "id": Once(ref seen, 1); id = Text(p.Value); break;
                case "name": Once(ref seen, 2); name = Text(p.Value); break;
                case "technology": Once(ref seen, 4); technology = OptionalText(p.Value); break;
                case "region": Once(ref seen, 8); region = OptionalText(p.Value); break;
                case "usdPerMegawattHour": Once(ref seen, 16); price = DecimalFigure(p.Value); break;
                default: throw new GiveUp();
            }
        }
        Require(seen, 1 | 2 | 16);
        return new PpaPriceIndexRecord(id!, name!, technology, region, price!);
    }

    private static ElectricityPriceRecord ReadElectricity(JsonElement record)
    {
        string? id = null, name = null, period = null;
        Figure<decimal>? price = null;
        var seen = 0;
        foreach (var p in Properties(record))
        {
            switch (p.Name)
            {
                case "id": Once(ref seen, 1); id = Text(p.Value); break;
                case "name": Once(ref seen, 2); name = Text(p.Value); break;
                case "period": Once(ref seen, 4); period = Text(p.Value); break;
                case "usdPerKilowattHour": Once(ref seen, 8); price = DecimalFigure(p.Value); break;
                default: throw new GiveUp();
            }
        }
        Require(seen, 15);
        return new ElectricityPriceRecord(id!, name!, period!, price!);
    }

    private static PowerDealRecord ReadDeal(JsonElement record)
    {
        string? id = null, name = null, buyer = null, seller = null;
        EnergySourceKind source = default;
        Dictionary<string, Figure<decimal>>? figures = null;
        var seen = 0;
        foreach (var p in Properties(record))
        {
            switch (p.Name)
            {
                case "id": Once(ref seen, 1); id = Text(p.Value); break;
                case "name": Once(ref seen, 2); name = Text(p.Value); break;
                case "buyer": Once(ref seen, 4); buyer = Text(p.Value); break;
                case "seller": Once(ref seen, 8); seller = Text(p.Value); break;
                case "source": Once(ref seen, 16); source = Source(p.Value); break;
                case "figures":
                    Once(ref seen, 32);
                    figures = new Dictionary<string, Figure<decimal>>(StringComparer.Ordinal);
                    foreach (var f in Properties(p.Value))
                    {
                        if (!figures.TryAdd(f.Name, DecimalFigure(f.Value)))
                        {
                            throw new GiveUp();
                        }
                    }
                    break;
                default: throw new GiveUp();
            }
        }
        Require(seen, 63);
        return new PowerDealRecord(id!, name!, buyer!, seller!, source, figures!);
    }

    /// <summary>A figure as the figure converter reads it, when its value is a JSON number or null and nothing else.</summary>
    private static Figure<decimal> DecimalFigure(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new GiveUp();
        }
        var (provenance, valueProperties) = ProvenanceJson.Split(element);
        if (valueProperties.Count != 1 || !valueProperties.TryGetValue("value", out var value))
        {
            throw new GiveUp();
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => new Figure<decimal>(null, provenance),
            JsonValueKind.Number when value.TryGetDecimal(out var number) => new Figure<decimal>(number, provenance),
            _ => throw new GiveUp(),
        };
    }

    private static EnergySourceKind Source(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? element.GetString() switch
        {
            "solar" => EnergySourceKind.Solar,
            "wind" => EnergySourceKind.Wind,
            "hydro" => EnergySourceKind.Hydro,
            "nuclear" => EnergySourceKind.Nuclear,
            "smallModularReactor" => EnergySourceKind.SmallModularReactor,
            "gas" => EnergySourceKind.Gas,
            "gridTariff" => EnergySourceKind.GridTariff,
            _ => throw new GiveUp(),
        }
        : throw new GiveUp();

    private static JsonElement.ObjectEnumerator Properties(JsonElement element)
        => element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : throw new GiveUp();

    private static string Text(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new GiveUp();

    private static string? OptionalText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => throw new GiveUp(),
    };
}
