using System.Globalization;
using System.Text.Json;
using CloudEconomics.Serialization;
using NodaTime;
using UnitsNet;

namespace CloudEconomics.Catalog.Serialization;

/// <summary>
/// Reads catalog records from a parsed document by walking its elements: the load path of <see cref="CloudCatalog"/>.
/// The reflection-based serializer (still used to write, and by users through the public converters) costs hundreds of
/// milliseconds of start-up to build its metadata for these types; this walk costs what the parse costs. It accepts
/// the same documents: property names matched case-insensitively (as the serializer's web defaults do), enums by
/// camelCase name or number, unknown properties refused, required properties enforced. A problem throws a
/// <see cref="JsonException"/> whose <see cref="JsonException.Path"/> is relative to the record (<c>$.hourlyPrice</c>).
/// </summary>
internal static class CatalogJsonReader
{
    internal static Provider ReadProvider(JsonElement e)
    {
        RequireObject(e, "$", "A provider");
        string? id = null, name = null;
        IReadOnlyList<Region> regions = [];
        CompetitivePositioning? positioning = null;
        bool hasId = false, hasName = false;
        foreach (var p in e.EnumerateObject())
        {
            var path = "$." + p.Name;
            switch (p.Name.ToLowerInvariant())
            {
                case "id": id = String(p.Value, path); hasId = true; break;
                case "name": name = String(p.Value, path); hasName = true; break;
                case "regions": regions = p.Value.ValueKind == JsonValueKind.Null ? null! : List(p.Value, path, ReadRegion); break;
                case "positioning": positioning = p.Value.ValueKind == JsonValueKind.Null ? null : ReadPositioning(p.Value, path); break;
                default: throw Unknown(p.Name, path, "provider", "id, name, regions, positioning");
            }
        }
        Required(hasId, "id", "$");
        Required(hasName, "name", "$");
        return new Provider { Id = id!, Name = name!, Regions = regions, Positioning = positioning };
    }

    private static Region ReadRegion(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null!;
        }
        RequireObject(e, path, "A region");
        string? id = null, name = null;
        var hasId = false;
        foreach (var p in e.EnumerateObject())
        {
            var inner = path + "." + p.Name;
            switch (p.Name.ToLowerInvariant())
            {
                case "id": id = String(p.Value, inner); hasId = true; break;
                case "name": name = String(p.Value, inner); break;
                default: throw Unknown(p.Name, inner, "region", "id, name");
            }
        }
        Required(hasId, "id", path);
        return new Region { Id = id!, Name = name };
    }

    private static CompetitivePositioning ReadPositioning(JsonElement e, string path)
    {
        RequireObject(e, path, "A positioning");
        string? label = null;
        IReadOnlyList<string> families = [];
        AcceleratorKind? kind = null;
        TextFigure? focus = null, architecture = null, pricing = null, lead = null;
        bool hasLabel = false, hasFocus = false, hasArchitecture = false, hasPricing = false, hasLead = false;
        foreach (var p in e.EnumerateObject())
        {
            var inner = path + "." + p.Name;
            switch (p.Name.ToLowerInvariant())
            {
                case "label": label = String(p.Value, inner); hasLabel = true; break;
                case "families": families = p.Value.ValueKind == JsonValueKind.Null ? null! : List(p.Value, inner, (x, at) => String(x, at)!); break;
                case "architecturekind": kind = Enum<AcceleratorKind>(p.Value, inner); break;
                case "primaryfocus": focus = Text(p.Value, inner); hasFocus = true; break;
                case "chiparchitecture": architecture = Text(p.Value, inner); hasArchitecture = true; break;
                case "pricingmodel": pricing = Text(p.Value, inner); hasPricing = true; break;
                case "benchmarklead": lead = Text(p.Value, inner); hasLead = true; break;
                default: throw Unknown(p.Name, inner, "positioning", "label, families, architectureKind, primaryFocus, chipArchitecture, pricingModel, benchmarkLead");
            }
        }
        Required(hasLabel, "label", path);
        Required(kind is not null, "architectureKind", path);
        Required(hasFocus, "primaryFocus", path);
        Required(hasArchitecture, "chipArchitecture", path);
        Required(hasPricing, "pricingModel", path);
        Required(hasLead, "benchmarkLead", path);
        return new CompetitivePositioning
        {
            Label = label!, Families = families, ArchitectureKind = kind!.Value,
            PrimaryFocus = focus!, ChipArchitecture = architecture!, PricingModel = pricing!, BenchmarkLead = lead!,
        };
    }

    internal static Accelerator ReadAccelerator(JsonElement e)
    {
        RequireObject(e, "$", "An accelerator");
        string? id = null, name = null, vendor = null, family = null, generation = null;
        bool hasId = false, hasName = false, hasVendor = false, hasFamily = false, hasGeneration = false;
        AcceleratorKind? kind = null;
        var processNode = TextFigure.Unknown;
        var launchYear = CloudEconomics.Figure<int>.Unknown;
        var memory = CloudEconomics.Figure<Information>.Unknown;
        var bandwidth = CloudEconomics.Figure<BitRate>.Unknown;
        var tdp = CloudEconomics.Figure<UnitsNet.Power>.Unknown;
        var scaleUp = CloudEconomics.Figure<BitRate>.Unknown;
        var domain = CloudEconomics.Figure<int>.Unknown;
        IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>> dense = new Dictionary<NumericPrecision, Figure<ComputeRate>>();
        IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>> sparse = new Dictionary<NumericPrecision, Figure<ComputeRate>>();
        foreach (var p in e.EnumerateObject())
        {
            var path = "$." + p.Name;
            switch (p.Name.ToLowerInvariant())
            {
                case "id": id = String(p.Value, path); hasId = true; break;
                case "name": name = String(p.Value, path); hasName = true; break;
                case "vendor": vendor = String(p.Value, path); hasVendor = true; break;
                case "family": family = String(p.Value, path); hasFamily = true; break;
                case "generation": generation = String(p.Value, path); hasGeneration = true; break;
                case "kind": kind = Enum<AcceleratorKind>(p.Value, path); break;
                case "processnode": processNode = Text(p.Value, path)!; break;
                case "launchyear": launchYear = ReadFigure(p.Value, path, Int)!; break;
                case "memorycapacity": memory = ReadFigure(p.Value, path, Quantity<Information>)!; break;
                case "memorybandwidth": bandwidth = ReadFigure(p.Value, path, Quantity<BitRate>)!; break;
                case "thermaldesignpower": tdp = ReadFigure(p.Value, path, Quantity<UnitsNet.Power>)!; break;
                case "scaleupbandwidth": scaleUp = ReadFigure(p.Value, path, Quantity<BitRate>)!; break;
                case "scaleupdomain": domain = ReadFigure(p.Value, path, Int)!; break;
                case "peakdense": dense = PrecisionMap(p.Value, path)!; break;
                case "peaksparse": sparse = PrecisionMap(p.Value, path)!; break;
                default:
                    throw Unknown(p.Name, path, "accelerator", "id, name, vendor, family, generation, kind, processNode, launchYear, memoryCapacity, memoryBandwidth, peakDense, peakSparse, thermalDesignPower, scaleUpBandwidth, scaleUpDomain");
            }
        }
        Required(hasId, "id", "$");
        Required(hasName, "name", "$");
        Required(hasVendor, "vendor", "$");
        Required(hasFamily, "family", "$");
        Required(hasGeneration, "generation", "$");
        Required(kind is not null, "kind", "$");
        return new Accelerator
        {
            Id = id!, Name = name!, Vendor = vendor!, Family = family!, Generation = generation!, Kind = kind!.Value,
            ProcessNode = processNode, LaunchYear = launchYear, MemoryCapacityFigure = memory, MemoryBandwidthFigure = bandwidth,
            PeakDenseCompute = dense, PeakSparseCompute = sparse, ThermalDesignPowerFigure = tdp, ScaleUpBandwidth = scaleUp, ScaleUpDomain = domain,
        };
    }

    internal static InstanceType ReadInstance(JsonElement e)
    {
        RequireObject(e, "$", "An instance type");
        string? id = null, provider = null, name = null, display = null, acceleratorId = null;
        bool hasId = false, hasProvider = false, hasName = false, hasAccelerator = false, hasCount = false;
        var billing = BillingUnit.PerInstance;
        Figure<int>? count = null;
        var vcpus = CloudEconomics.Figure<int>.Unknown;
        var memory = CloudEconomics.Figure<Information>.Unknown;
        var network = CloudEconomics.Figure<BitRate>.Unknown;
        var fabric = TextFigure.Unknown;
        foreach (var p in e.EnumerateObject())
        {
            var path = "$." + p.Name;
            switch (p.Name.ToLowerInvariant())
            {
                case "id": id = String(p.Value, path); hasId = true; break;
                case "provider": provider = String(p.Value, path); hasProvider = true; break;
                case "name": name = String(p.Value, path); hasName = true; break;
                case "displayname": display = String(p.Value, path); break;
                case "acceleratorid": acceleratorId = String(p.Value, path); hasAccelerator = true; break;
                case "billing": billing = Enum<BillingUnit>(p.Value, path); break;
                case "acceleratorcount": count = ReadFigure(p.Value, path, Int); hasCount = true; break;
                case "vcpus": vcpus = ReadFigure(p.Value, path, Int)!; break;
                case "memory": memory = ReadFigure(p.Value, path, Quantity<Information>)!; break;
                case "networkbandwidth": network = ReadFigure(p.Value, path, Quantity<BitRate>)!; break;
                case "scaleoutfabric": fabric = Text(p.Value, path)!; break;
                default:
                    throw Unknown(p.Name, path, "instance type", "id, provider, name, displayName, acceleratorId, billing, acceleratorCount, vcpus, memory, networkBandwidth, scaleOutFabric");
            }
        }
        Required(hasId, "id", "$");
        Required(hasProvider, "provider", "$");
        Required(hasName, "name", "$");
        Required(hasAccelerator, "acceleratorId", "$");
        Required(hasCount, "acceleratorCount", "$");
        return new InstanceType
        {
            Id = id!, Provider = provider!, Name = name!, DisplayName = display, AcceleratorId = acceleratorId!, Billing = billing,
            AcceleratorCount = count!, Vcpus = vcpus, Memory = memory, NetworkBandwidth = network, ScaleOutFabric = fabric,
        };
    }

    internal static PriceOffer ReadOffer(JsonElement e)
    {
        RequireObject(e, "$", "An offer");
        string? id = null, instanceId = null, acceleratorId = null, region = null;
        bool hasId = false, hasRegion = false, hasOption = false, hasPrice = false;
        PurchaseOption? option = null;
        Figure<PricePerHour>? price = null;
        Figure<Money>? upfront = null;
        LocalDate? from = null, to = null;
        foreach (var p in e.EnumerateObject())
        {
            var path = "$." + p.Name;
            switch (p.Name.ToLowerInvariant())
            {
                case "id": id = String(p.Value, path); hasId = true; break;
                case "instanceid": instanceId = String(p.Value, path); break;
                case "acceleratorid": acceleratorId = String(p.Value, path); break;
                case "region": region = String(p.Value, path); hasRegion = true; break;
                case "option": option = p.Value.ValueKind == JsonValueKind.Null ? null : ReadOption(p.Value, path); hasOption = true; break;
                case "hourlyprice": price = ReadFigure(p.Value, path, PricePerHourValue); hasPrice = true; break;
                case "upfront": upfront = ReadFigure(p.Value, path, MoneyValue); break;
                case "validfrom": from = Date(p.Value, path); break;
                case "validto": to = Date(p.Value, path); break;
                default:
                    throw Unknown(p.Name, path, "offer", "id, instanceId, acceleratorId, region, option, hourlyPrice, upfront, validFrom, validTo");
            }
        }
        Required(hasId, "id", "$");
        Required(hasRegion, "region", "$");
        Required(hasOption, "option", "$");
        Required(hasPrice, "hourlyPrice", "$");
        return new PriceOffer
        {
            Id = id!, InstanceId = instanceId, AcceleratorId = acceleratorId, Region = region!, Option = option!, HourlyPrice = price!,
            Upfront = upfront, ValidFrom = from, ValidTo = to,
        };
    }

    private static PurchaseOption ReadOption(JsonElement e, string path)
    {
        RequireObject(e, path, "A purchase option");
        PurchaseOptionKind? kind = null;
        int? term = null;
        PaymentOption? payment = null;
        string? tier = null, program = null;
        foreach (var p in e.EnumerateObject())
        {
            var inner = path + "." + p.Name;
            switch (p.Name.ToLowerInvariant())
            {
                case "kind": kind = Enum<PurchaseOptionKind>(p.Value, inner); break;
                case "termmonths": term = p.Value.ValueKind == JsonValueKind.Null ? null : Int(p.Value, inner); break;
                case "payment": payment = p.Value.ValueKind == JsonValueKind.Null ? null : Enum<PaymentOption>(p.Value, inner); break;
                case "tier": tier = String(p.Value, inner); break;
                case "program": program = String(p.Value, inner); break;
                default: throw Unknown(p.Name, inner, "purchase option", "kind, termMonths, payment, tier, program");
            }
        }
        Required(kind is not null, "kind", path);
        return new PurchaseOption { Kind = kind!.Value, TermMonths = term, Payment = payment, Tier = tier, Program = program };
    }

    private static IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>>? PrecisionMap(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "A per-precision map must be a JSON object such as {\"bf16\": {\"value\": 667, \"unit\": \"TFLOPS\", ...}}.");
        }
        var result = new Dictionary<NumericPrecision, Figure<ComputeRate>>();
        foreach (var p in e.EnumerateObject())
        {
            var inner = path + "." + p.Name;
            if (!PrecisionMapJsonConverter.TryParse(p.Name, out var precision))
            {
                throw Error(inner, $"\"{p.Name}\" is not a numeric precision; use one of fp64, fp32, tf32, bf16, fp16, fp8, fp6, fp4, int8, int4.");
            }
            var figure = ReadFigure(p.Value, inner, ComputeRateValue) ?? throw Error(inner, $"The figure for \"{p.Name}\" must not be null; use {{\"value\": null}} when unknown.");
            if (!result.TryAdd(precision, figure))
            {
                throw Error(inner, $"Precision \"{p.Name}\" appears twice.");
            }
        }
        return result;
    }

    /// <summary>A figure: the value's fields (read by <paramref name="value"/>) beside the provenance fields; null for JSON null.</summary>
    private static Figure<T>? ReadFigure<T>(JsonElement e, string path, Func<Dictionary<string, JsonElement>, string, T> value) where T : struct
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        try
        {
            var (provenance, valueProperties) = ProvenanceJson.Split(e);
            if (valueProperties.Count == 0)
            {
                throw Error(path, "A figure needs its value: {\"value\": ...} (null when unknown), or the value's own fields such as amount and currency.");
            }
            if (valueProperties.TryGetValue("value", out var bare) && bare.ValueKind == JsonValueKind.Null)
            {
                return new Figure<T>(null, provenance);
            }
            return new Figure<T>(value(valueProperties, path), provenance);
        }
        catch (JsonException x) when (x.Path is null)
        {
            throw Error(path, x.Message);
        }
        catch (ArgumentException x)
        {
            throw Error(path, StripParameter(x.Message));
        }
    }

    private static TextFigure? Text(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        try
        {
            var (provenance, valueProperties) = ProvenanceJson.Split(e);
            if (valueProperties.Count != 1 || !valueProperties.TryGetValue("value", out var text) || text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw Error(path, "A text figure is {\"value\": \"text\" or null, \"source\": ..., \"asOf\": ..., \"confidence\": ..., \"note\": ...}.");
            }
            return new TextFigure(text.GetString(), provenance);
        }
        catch (JsonException x) when (x.Path is null)
        {
            throw Error(path, x.Message);
        }
    }

    private static int Int(Dictionary<string, JsonElement> value, string path)
    {
        if (value.Count != 1 || !value.TryGetValue("value", out var number) || number.ValueKind != JsonValueKind.Number)
        {
            throw Error(path, $"This figure's value must be a JSON number in \"value\" (or null when unknown); unexpected: {string.Join(", ", value.Keys)}.");
        }
        return Int(number, path);
    }

    private static int Int(JsonElement e, string path)
        => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? n : throw Error(path, "The value must be a whole JSON number within the range of a 32-bit integer.");

    private static (double Value, string Unit) ValueAndUnit(Dictionary<string, JsonElement> value, string path)
    {
        double? number = null;
        string? unit = null;
        foreach (var (name, element) in value)
        {
            switch (name)
            {
                case "value":
                    if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var d) || !double.IsFinite(d))
                    {
                        throw Error(path, "\"value\" must be a finite JSON number.");
                    }
                    number = d;
                    break;
                case "unit":
                    unit = element.ValueKind == JsonValueKind.String ? element.GetString() : throw Error(path, "\"unit\" must be a string.");
                    break;
                default:
                    throw Error(path, $"Unexpected property \"{name}\" in a quantity; allowed: value, unit.");
            }
        }
        if (number is null || unit is null)
        {
            throw Error(path, "A quantity needs both \"value\" and \"unit\".");
        }
        return (number.Value, unit);
    }

    private static TQuantity Quantity<TQuantity>(Dictionary<string, JsonElement> value, string path) where TQuantity : struct, IQuantity
    {
        var (number, unit) = ValueAndUnit(value, path);
        try
        {
            return QuantityReading.Create<TQuantity>(number, unit);
        }
        catch (JsonException x)
        {
            throw Error(path, x.Message);
        }
    }

    private static ComputeRate ComputeRateValue(Dictionary<string, JsonElement> value, string path)
    {
        var (number, unit) = ValueAndUnit(value, path);
        return TryComputeRate(number, unit, out var rate)
            ? rate
            : throw Error(path, $"A compute rate's unit must be \"FLOPS\", \"TFLOPS\" or \"PFLOPS\"; it was \"{unit}\".");
    }

    /// <summary>A compute rate from a number and the catalog's unit name (FLOPS or FLOP/s, TFLOPS, PFLOPS); false for another unit. Shared with <see cref="CatalogFastReader"/>.</summary>
    internal static bool TryComputeRate(double number, string? unit, out ComputeRate rate)
    {
        switch (unit)
        {
            case "FLOPS" or "FLOP/s":
                rate = ComputeRate.FromFlopsPerSecond(number);
                return true;
            case "TFLOPS":
                rate = ComputeRate.FromTeraflops(number);
                return true;
            case "PFLOPS":
                rate = ComputeRate.FromPetaflops(number);
                return true;
            default:
                rate = default;
                return false;
        }
    }

    private static PricePerHour PricePerHourValue(Dictionary<string, JsonElement> value, string path)
        => new(MoneyObject(value, path, PricePerHourJsonConverter.Unit));

    private static Money MoneyValue(Dictionary<string, JsonElement> value, string path) => MoneyObject(value, path, null);

    private static Money MoneyObject(Dictionary<string, JsonElement> value, string path, string? expectedUnit)
    {
        decimal? amount = null;
        string? code = null, per = null;
        foreach (var (name, element) in value)
        {
            switch (name)
            {
                case "amount":
                    if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var a))
                    {
                        throw Error(path, "\"amount\" must be a JSON number within the range of decimal.");
                    }
                    amount = a;
                    break;
                case "currency":
                    code = element.ValueKind == JsonValueKind.String ? element.GetString() : throw Error(path, "\"currency\" must be a string such as \"USD\".");
                    break;
                case "per":
                    per = element.ValueKind == JsonValueKind.String ? element.GetString() : throw Error(path, "\"per\" must be a string.");
                    break;
                default:
                    throw Error(path, $"Unexpected property \"{name}\" in a money object; allowed: amount, currency{(expectedUnit is null ? "" : ", per")}.");
            }
        }
        if (amount is null)
        {
            throw Error(path, "A money object needs \"amount\".");
        }
        if (code is null)
        {
            throw Error(path, "A money object needs \"currency\".");
        }
        if (!Currency.TryFromCode(code, out var currency))
        {
            throw Error(path, $"Currency code '{code}' is not a known ISO 4217 currency.");
        }
        if (expectedUnit is not null && per is not null && per != expectedUnit)
        {
            throw Error(path, $"This price is per \"{expectedUnit}\"; the JSON says per \"{per}\".");
        }
        if (expectedUnit is null && per is not null)
        {
            throw Error(path, "Money has no \"per\" unit; a price was written where an amount was expected.");
        }
        return new Money(amount.Value, currency);
    }

    private static LocalDate? Date(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(path, "A date must be a JSON string such as \"2025-06-01\".");
        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }
        throw Error(path, $"A date must be an ISO date (yyyy-MM-dd) such as \"2025-06-01\"; it was \"{text}\".");
    }

    private static string? String(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null => null,
        _ => throw Error(path, "The value must be a JSON string."),
    };

    private static TEnum Enum<TEnum>(JsonElement e, string path) where TEnum : struct, Enum
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var number))
        {
            return (TEnum)(object)number;
        }
        if (e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } text && char.IsAsciiLetter(text[0]) && !text.Contains(',', StringComparison.Ordinal)
            && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            return value;
        }
        var names = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw Error(path, $"The value must be one of {names}.");
    }

    private static List<T> List<T>(JsonElement e, string path, Func<JsonElement, string, T> item)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw Error(path, "The value must be a JSON array.");
        }
        var result = new List<T>(e.GetArrayLength());
        var index = 0;
        foreach (var element in e.EnumerateArray())
        {
            result.Add(item(element, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]")));
        }
        return result;
    }

    private static void RequireObject(JsonElement e, string path, string what)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, what + " must be a JSON object.");
        }
    }

    private static void Required(bool present, string name, string path)
    {
        if (!present)
        {
            throw Error(path, $"The required property \"{name}\" is missing.");
        }
    }

    private static JsonException Unknown(string name, string path, string what, string allowed)
        => Error(path, $"\"{name}\" is not a property of a catalog {what}; allowed: {allowed}.");

    private static JsonException Error(string path, string message) => new(message, path, null, null);

    private static string StripParameter(string message)
    {
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter > 0 ? message[..parameter] : message;
    }
}
