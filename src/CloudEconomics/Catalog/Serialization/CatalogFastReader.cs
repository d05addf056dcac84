using System.Text.Json;
using System.Text.Unicode;
using CloudEconomics.Catalog.Validation;
using CloudEconomics.Serialization;
using static CloudEconomics.Serialization.FastJsonReading;
using NodaTime;
using UnitsNet;

namespace CloudEconomics.Catalog.Serialization;

/// <summary>
/// The catalog's fast load path: one forward pass of a <see cref="Utf8JsonReader"/> over a document, building the
/// records directly (no <see cref="JsonDocument"/>, no per-figure dictionary, no serializer metadata, no second pass for
/// the depth check). It reads only clean documents: exact camelCase property names, each at most once, values of the
/// expected JSON kinds, units from <see cref="UnitAbbreviations"/>, records that pass <see cref="CatalogChecks"/>, and
/// no comments. Anything else (a syntax error, a comment, an unknown or repeated property, a value of the wrong kind, a record a check refuses)
/// gives up on the whole document, and <see cref="CatalogReader"/> reads it again with the element walk
/// (<see cref="CatalogJsonReader"/>), which accepts the same documents and reports every problem in its own words. So a
/// document this reader accepts yields the same records as the walk (a test compares both on the seeds and on mutated
/// documents), and a document it refuses costs one extra partial pass.
/// </summary>
internal static class CatalogFastReader
{
    private enum ValueKind
    {
        Int,
        Information,
        BitRate,
        Power,
        Compute,
        Price,
        Money,
    }

    /// <summary>Reads a clean document into <paramref name="parts"/>; false (and <paramref name="parts"/> unchanged) otherwise.</summary>
    internal static bool TryRead(ReadOnlyMemory<byte> utf8, string file, CatalogParts parts)
    {
        if (!Utf8.IsValid(utf8.Span))
        {
            return false;
        }
        // Read straight into the parts; giving up removes what this document added.
        var (providers, accelerators, instances, offers) = (parts.Providers.Count, parts.Accelerators.Count, parts.Instances.Count, parts.Offers.Count);
        try
        {
            // Comments are not allowed here (the reader's comment-skipping path costs a tenth of a large load): a document
            // with comments is read by the walk, which skips them.
            var r = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = CloudCatalog.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
            if (Next(ref r) != JsonTokenType.StartObject)
            {
                return Undo();
            }
            var strings = new JsonStrings(utf8);
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("$schema"u8))
                {
                    Expect(ref r, JsonTokenType.String);
                }
                else if (r.ValueTextEquals("formatVersion"u8))
                {
                    if (Next(ref r) != JsonTokenType.Number || !r.TryGetInt32(out var version) || version != CloudCatalog.FormatVersion)
                    {
                        return Undo();
                    }
                }
                else if (r.ValueTextEquals("providers"u8))
                {
                    ReadSection(ref r, file, "$.providers", parts.Providers, ReadProvider, CatalogChecks.IsValid, strings);
                }
                else if (r.ValueTextEquals("accelerators"u8))
                {
                    ReadSection(ref r, file, "$.accelerators", parts.Accelerators, ReadAccelerator, CatalogChecks.IsValid, strings);
                }
                else if (r.ValueTextEquals("instances"u8))
                {
                    // Each instance with its accelerator when the parts already hold it (so the catalog need not copy the
                    // instance to resolve it); otherwise null, and the catalog resolves it as for any other instance.
                    var known = AcceleratorsById(parts.Accelerators);
                    ReadSection(ref r, file, "$.instances", parts.Instances, (ref Utf8JsonReader reader, JsonStrings s) => ReadInstance(ref reader, s, known), CatalogChecks.IsValid, strings);
                }
                else if (r.ValueTextEquals("offers"u8))
                {
                    ReadSection(ref r, file, "$.offers", parts.Offers, ReadOffer, CatalogChecks.IsValid, strings);
                }
                else
                {
                    return Undo();
                }
            }
            if (r.Read())
            {
                return Undo(); // content after the root object (the reader normally throws first)
            }
        }
        catch (Exception e) when (e is GiveUp or JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException or NotSupportedException)
        {
            return Undo();
        }
        return true;

        bool Undo()
        {
            parts.Providers.Truncate(providers);
            parts.Accelerators.Truncate(accelerators);
            parts.Instances.Truncate(instances);
            parts.Offers.Truncate(offers);
            return false;
        }
    }

    private delegate T RecordReader<out T>(ref Utf8JsonReader r, JsonStrings strings);

    private static void ReadSection<T>(ref Utf8JsonReader r, string file, string section, SectionRecords<T> into, RecordReader<T> read, Func<T, bool> check, JsonStrings strings)
        where T : class
    {
        Expect(ref r, JsonTokenType.StartArray);
        var index = 0;
        while (Next(ref r) == JsonTokenType.StartObject)
        {
            var record = read(ref r, strings);
            if (!check(record))
            {
                throw new GiveUp();
            }
            into.Add(record, file, section, index++);
        }
        if (r.TokenType != JsonTokenType.EndArray)
        {
            throw new GiveUp();
        }
    }

    private static Provider ReadProvider(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? id = null, name = null;
        IReadOnlyList<Region> regions = [];
        CompetitivePositioning? positioning = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) { Once(ref seen, 1); id = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("name"u8)) { Once(ref seen, 2); name = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("regions"u8)) { Once(ref seen, 4); regions = Regions(ref r, strings); }
            else if (r.ValueTextEquals("positioning"u8)) { Once(ref seen, 8); positioning = Positioning(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2);
        return new Provider { Id = id!, Name = name!, Regions = regions, Positioning = positioning };
    }

    private static List<Region> Regions(ref Utf8JsonReader r, JsonStrings strings)
    {
        Expect(ref r, JsonTokenType.StartArray);
        var result = new List<Region>();
        while (Next(ref r) == JsonTokenType.StartObject)
        {
            string? id = null, name = null;
            var seen = 0;
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("id"u8)) { Once(ref seen, 1); id = ReadString(ref r, strings); }
                else if (r.ValueTextEquals("name"u8)) { Once(ref seen, 2); name = ReadString(ref r, strings); }
                else throw new GiveUp();
            }
            Require(seen, 1);
            result.Add(new Region { Id = id!, Name = name });
        }
        return r.TokenType == JsonTokenType.EndArray ? result : throw new GiveUp();
    }

    private static CompetitivePositioning? Positioning(ref Utf8JsonReader r, JsonStrings strings)
    {
        if (!ObjectOrNull(ref r))
        {
            return null;
        }
        string? label = null;
        var families = new List<string>();
        AcceleratorKind kind = default;
        TextFigure? focus = null, architecture = null, pricing = null, lead = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("label"u8)) { Once(ref seen, 1); label = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("families"u8))
            {
                Once(ref seen, 2);
                families = ReadStrings(ref r, strings);
            }
            else if (r.ValueTextEquals("architectureKind"u8)) { Once(ref seen, 4); kind = ReadEnum<AcceleratorKind>(ref r); }
            else if (r.ValueTextEquals("primaryFocus"u8)) { Once(ref seen, 8); focus = ReadText(ref r, strings); }
            else if (r.ValueTextEquals("chipArchitecture"u8)) { Once(ref seen, 16); architecture = ReadText(ref r, strings); }
            else if (r.ValueTextEquals("pricingModel"u8)) { Once(ref seen, 32); pricing = ReadText(ref r, strings); }
            else if (r.ValueTextEquals("benchmarkLead"u8)) { Once(ref seen, 64); lead = ReadText(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 4 | 8 | 16 | 32 | 64);
        return new CompetitivePositioning
        {
            Label = label!, Families = (seen & 2) != 0 ? families : [], ArchitectureKind = kind,
            PrimaryFocus = focus!, ChipArchitecture = architecture!, PricingModel = pricing!, BenchmarkLead = lead!,
        };
    }

    private static Accelerator ReadAccelerator(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? id = null, name = null, vendor = null, family = null, generation = null;
        AcceleratorKind kind = default;
        var processNode = TextFigure.Unknown;
        var launchYear = Figure<int>.Unknown;
        var memory = Figure<Information>.Unknown;
        var bandwidth = Figure<BitRate>.Unknown;
        var tdp = Figure<UnitsNet.Power>.Unknown;
        var scaleUp = Figure<BitRate>.Unknown;
        var domain = Figure<int>.Unknown;
        IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>> dense = new Dictionary<NumericPrecision, Figure<ComputeRate>>();
        IReadOnlyDictionary<NumericPrecision, Figure<ComputeRate>> sparse = new Dictionary<NumericPrecision, Figure<ComputeRate>>();
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) { Once(ref seen, 1); id = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("name"u8)) { Once(ref seen, 2); name = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("vendor"u8)) { Once(ref seen, 4); vendor = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("family"u8)) { Once(ref seen, 8); family = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("generation"u8)) { Once(ref seen, 16); generation = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("kind"u8)) { Once(ref seen, 32); kind = ReadEnum<AcceleratorKind>(ref r); }
            else if (r.ValueTextEquals("processNode"u8)) { Once(ref seen, 64); processNode = ReadText(ref r, strings)!; }
            else if (r.ValueTextEquals("launchYear"u8)) { Once(ref seen, 128); launchYear = IntFigure(ref r, strings)!; }
            else if (r.ValueTextEquals("memoryCapacity"u8)) { Once(ref seen, 256); memory = ReadFigure<Information>(ref r, ValueKind.Information, strings)!; }
            else if (r.ValueTextEquals("memoryBandwidth"u8)) { Once(ref seen, 512); bandwidth = ReadFigure<BitRate>(ref r, ValueKind.BitRate, strings)!; }
            else if (r.ValueTextEquals("thermalDesignPower"u8)) { Once(ref seen, 1024); tdp = ReadFigure<UnitsNet.Power>(ref r, ValueKind.Power, strings)!; }
            else if (r.ValueTextEquals("scaleUpBandwidth"u8)) { Once(ref seen, 2048); scaleUp = ReadFigure<BitRate>(ref r, ValueKind.BitRate, strings)!; }
            else if (r.ValueTextEquals("scaleUpDomain"u8)) { Once(ref seen, 4096); domain = IntFigure(ref r, strings)!; }
            else if (r.ValueTextEquals("peakDense"u8)) { Once(ref seen, 8192); dense = PrecisionMap(ref r, strings); }
            else if (r.ValueTextEquals("peakSparse"u8)) { Once(ref seen, 16384); sparse = PrecisionMap(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2 | 4 | 8 | 16 | 32);
        return new Accelerator
        {
            Id = id!, Name = name!, Vendor = vendor!, Family = family!, Generation = generation!, Kind = kind,
            ProcessNode = processNode, LaunchYear = launchYear, MemoryCapacityFigure = memory, MemoryBandwidthFigure = bandwidth,
            PeakDenseCompute = dense, PeakSparseCompute = sparse, ThermalDesignPowerFigure = tdp, ScaleUpBandwidth = scaleUp, ScaleUpDomain = domain,
        };
    }

    private static Dictionary<string, Accelerator> AcceleratorsById(SectionRecords<Accelerator> accelerators)
    {
        var byId = new Dictionary<string, Accelerator>(accelerators.Count, StringComparer.Ordinal);
        foreach (var accelerator in accelerators.Records)
        {
            byId.TryAdd(accelerator.Id, accelerator); // a repeated id is the catalog's problem to report; the first one is kept
        }
        return byId;
    }

    private static InstanceType ReadInstance(ref Utf8JsonReader r, JsonStrings strings, Dictionary<string, Accelerator> accelerators)
    {
        string? id = null, provider = null, name = null, display = null, acceleratorId = null;
        var billing = BillingUnit.PerInstance;
        Figure<int>? count = null;
        var vcpus = Figure<int>.Unknown;
        var memory = Figure<Information>.Unknown;
        var network = Figure<BitRate>.Unknown;
        var fabric = TextFigure.Unknown;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) { Once(ref seen, 1); id = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("provider"u8)) { Once(ref seen, 2); provider = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("name"u8)) { Once(ref seen, 4); name = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("acceleratorId"u8)) { Once(ref seen, 8); acceleratorId = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("acceleratorCount"u8)) { Once(ref seen, 16); count = IntFigure(ref r, strings); }
            else if (r.ValueTextEquals("displayName"u8)) { Once(ref seen, 32); display = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("billing"u8)) { Once(ref seen, 64); billing = ReadEnum<BillingUnit>(ref r); }
            else if (r.ValueTextEquals("vcpus"u8)) { Once(ref seen, 128); vcpus = IntFigure(ref r, strings)!; }
            else if (r.ValueTextEquals("memory"u8)) { Once(ref seen, 256); memory = ReadFigure<Information>(ref r, ValueKind.Information, strings)!; }
            else if (r.ValueTextEquals("networkBandwidth"u8)) { Once(ref seen, 512); network = ReadFigure<BitRate>(ref r, ValueKind.BitRate, strings)!; }
            else if (r.ValueTextEquals("scaleOutFabric"u8)) { Once(ref seen, 1024); fabric = ReadText(ref r, strings)!; }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2 | 4 | 8 | 16);
        return new InstanceType
        {
            Id = id!, Provider = provider!, Name = name!, DisplayName = display, AcceleratorId = acceleratorId!, Billing = billing,
            AcceleratorCount = count!, Vcpus = vcpus, Memory = memory, NetworkBandwidth = network, ScaleOutFabric = fabric,
            Accelerator = acceleratorId is null ? null : accelerators.GetValueOrDefault(acceleratorId),
        };
    }

    private static PriceOffer ReadOffer(ref Utf8JsonReader r, JsonStrings strings)
    {
        string? id = null, instanceId = null, acceleratorId = null, region = null;
        PurchaseOption? option = null;
        Figure<PricePerHour>? price = null;
        Figure<Money>? upfront = null;
        LocalDate? from = null, to = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) { Once(ref seen, 1); id = ReadUniqueString(ref r); }
            else if (r.ValueTextEquals("region"u8)) { Once(ref seen, 2); region = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("option"u8)) { Once(ref seen, 4); option = Option(ref r, strings); }
            else if (r.ValueTextEquals("hourlyPrice"u8)) { Once(ref seen, 8); price = ReadFigure<PricePerHour>(ref r, ValueKind.Price, strings); }
            else if (r.ValueTextEquals("instanceId"u8)) { Once(ref seen, 16); instanceId = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("acceleratorId"u8)) { Once(ref seen, 32); acceleratorId = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("upfront"u8)) { Once(ref seen, 64); upfront = ReadFigure<Money>(ref r, ValueKind.Money, strings); }
            else if (r.ValueTextEquals("validFrom"u8)) { Once(ref seen, 128); from = Date(ref r); }
            else if (r.ValueTextEquals("validTo"u8)) { Once(ref seen, 256); to = Date(ref r); }
            else throw new GiveUp();
        }
        Require(seen, 1 | 2 | 4 | 8);
        return new PriceOffer
        {
            Id = id!, InstanceId = instanceId, AcceleratorId = acceleratorId, Region = region!, Option = option!, HourlyPrice = price!,
            Upfront = upfront, ValidFrom = from, ValidTo = to,
        };
    }

    private static PurchaseOption? Option(ref Utf8JsonReader r, JsonStrings strings)
    {
        if (!ObjectOrNull(ref r))
        {
            return null;
        }
        PurchaseOptionKind kind = default;
        int? term = null;
        PaymentOption? payment = null;
        string? tier = null, program = null;
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("kind"u8)) { Once(ref seen, 1); kind = ReadEnum<PurchaseOptionKind>(ref r); }
            else if (r.ValueTextEquals("termMonths"u8))
            {
                Once(ref seen, 2);
                term = Next(ref r) switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.Number when r.TryGetInt32(out var months) => months,
                    _ => throw new GiveUp(),
                };
            }
            else if (r.ValueTextEquals("payment"u8))
            {
                Once(ref seen, 4);
                payment = Next(ref r) == JsonTokenType.Null ? null : CurrentEnum<PaymentOption>(ref r);
            }
            else if (r.ValueTextEquals("tier"u8)) { Once(ref seen, 8); tier = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("program"u8)) { Once(ref seen, 16); program = ReadString(ref r, strings); }
            else throw new GiveUp();
        }
        Require(seen, 1);
        // The plain on-demand, spot and capacity-block options are shared instances (records are immutable): most offers
        // have one, and a large catalog otherwise creates one object per offer for them.
        if (term is null && payment is null && tier is null && program is null)
        {
            switch (kind)
            {
                case PurchaseOptionKind.OnDemand: return PurchaseOption.OnDemand;
                case PurchaseOptionKind.Spot: return PurchaseOption.Spot;
                case PurchaseOptionKind.CapacityBlock: return PurchaseOption.CapacityBlock;
            }
        }
        return new PurchaseOption { Kind = kind, TermMonths = term, Payment = payment, Tier = tier, Program = program };
    }

    private static Dictionary<NumericPrecision, Figure<ComputeRate>> PrecisionMap(ref Utf8JsonReader r, JsonStrings strings)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var result = new Dictionary<NumericPrecision, Figure<ComputeRate>>();
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var precision = Precision(ref r);
            var figure = ReadFigure<ComputeRate>(ref r, ValueKind.Compute, strings) ?? throw new GiveUp();
            if (!result.TryAdd(precision, figure))
            {
                throw new GiveUp();
            }
        }
        return result;
    }

    private static readonly (byte[] Name, NumericPrecision Value)[] PrecisionNames = CreatePrecisionNames();

    private static (byte[] Name, NumericPrecision Value)[] CreatePrecisionNames()
    {
        var values = System.Enum.GetValues<NumericPrecision>();
        var names = new (byte[], NumericPrecision)[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = (System.Text.Encoding.UTF8.GetBytes(PrecisionMapJsonConverter.Name(values[i])), values[i]);
        }
        return names;
    }

    /// <summary>A precision map's key, as <see cref="PrecisionMapJsonConverter.TryParse"/> reads it (exact name).</summary>
    private static NumericPrecision Precision(ref Utf8JsonReader r)
    {
        foreach (var (name, value) in PrecisionNames)
        {
            if (r.ValueTextEquals(name))
            {
                return value;
            }
        }
        throw new GiveUp();
    }

    /// <summary>
    /// The fields a figure object may hold: the provenance fields and the value's own (value, unit, amount, currency, per).
    /// Reads the object the reader's next token starts; null for JSON null.
    /// </summary>
    private ref struct FigureFields
    {
        public string? Source, AsOf, Note, Unit, Currency, Per, Text;
        public Confidence? Confidence;
        public List<string>? DerivedFrom;
        public double Number;
        public int Integer;
        public decimal Amount;
        public bool HasValue, ValueIsNull, HasUnit, HasAmount, HasCurrency, HasPer;

        public readonly Provenance ProvenanceFrom(JsonStrings strings) => strings.Provenance(Source, AsOf, Confidence, Note, DerivedFrom);
    }

    /// <summary>Reads a figure object's fields; false for JSON null. <paramref name="kind"/> null is a text figure.</summary>
    private static bool ReadFields(ref Utf8JsonReader r, ValueKind? kind, JsonStrings strings, out FigureFields f)
    {
        f = default;
        if (!ObjectOrNull(ref r))
        {
            return false;
        }
        var seen = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("source"u8)) { Once(ref seen, 1); f.Source = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("asOf"u8)) { Once(ref seen, 2); f.AsOf = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("confidence"u8)) { Once(ref seen, 4); f.Confidence = ReadConfidence(ref r); }
            else if (r.ValueTextEquals("note"u8)) { Once(ref seen, 8); f.Note = ReadString(ref r, strings); }
            else if (r.ValueTextEquals("value"u8))
            {
                Once(ref seen, 16);
                f.HasValue = true;
                switch (Next(ref r))
                {
                    case JsonTokenType.Null:
                        f.ValueIsNull = true;
                        break;
                    case JsonTokenType.String when kind is null:
                        f.Text = strings.Get(ref r);
                        break;
                    case JsonTokenType.Number when kind == ValueKind.Int:
                        f.Integer = r.TryGetInt32(out var n) ? n : throw new GiveUp();
                        break;
                    case JsonTokenType.Number when kind is ValueKind.Information or ValueKind.BitRate or ValueKind.Power or ValueKind.Compute:
                        f.Number = r.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw new GiveUp();
                        break;
                    default:
                        throw new GiveUp();
                }
            }
            else if (r.ValueTextEquals("unit"u8)) { Once(ref seen, 32); f.HasUnit = true; f.Unit = strings.Get(ref Expect(ref r, JsonTokenType.String)); }
            else if (r.ValueTextEquals("amount"u8))
            {
                Once(ref seen, 64);
                f.HasAmount = true;
                f.Amount = Next(ref r) == JsonTokenType.Number && r.TryGetDecimal(out var a) ? a : throw new GiveUp();
            }
            else if (r.ValueTextEquals("currency"u8)) { Once(ref seen, 128); f.HasCurrency = true; f.Currency = strings.Get(ref Expect(ref r, JsonTokenType.String)); }
            else if (r.ValueTextEquals("per"u8)) { Once(ref seen, 256); f.HasPer = true; f.Per = strings.Get(ref Expect(ref r, JsonTokenType.String)); }
            else if (r.ValueTextEquals("derivedFrom"u8))
            {
                Once(ref seen, 512);
                f.DerivedFrom = ReadStrings(ref r, strings);
            }
            else throw new GiveUp();
        }
        // The value's own fields: exactly those of the kind (a null value alone means unknown).
        var others = f.HasUnit || f.HasAmount || f.HasCurrency || f.HasPer;
        var valid = f.ValueIsNull
            ? !others
            : kind switch
            {
                null or ValueKind.Int => f.HasValue && !others,
                ValueKind.Information or ValueKind.BitRate or ValueKind.Power or ValueKind.Compute => f.HasValue && f.HasUnit && !f.HasAmount && !f.HasCurrency && !f.HasPer,
                ValueKind.Price => !f.HasValue && f.HasAmount && f.HasCurrency && !f.HasUnit && (!f.HasPer || f.Per == PricePerHourJsonConverter.Unit),
                _ => !f.HasValue && f.HasAmount && f.HasCurrency && !f.HasUnit && !f.HasPer,
            };
        return valid ? true : throw new GiveUp();
    }

    private static TextFigure? ReadText(ref Utf8JsonReader r, JsonStrings strings)
        => ReadFields(ref r, null, strings, out var f) ? new TextFigure(f.ValueIsNull ? null : f.Text, f.ProvenanceFrom(strings)) : null;

    private static Figure<int>? IntFigure(ref Utf8JsonReader r, JsonStrings strings)
        => ReadFields(ref r, ValueKind.Int, strings, out var f) ? new Figure<int>(f.ValueIsNull ? null : f.Integer, f.ProvenanceFrom(strings)) : null;

    private static Figure<T>? ReadFigure<T>(ref Utf8JsonReader r, ValueKind kind, JsonStrings strings) where T : struct
    {
        if (!ReadFields(ref r, kind, strings, out var f))
        {
            return null;
        }
        if (f.ValueIsNull)
        {
            return new Figure<T>(null, f.ProvenanceFrom(strings));
        }
        var provenance = f.ProvenanceFrom(strings);
        if (typeof(T) == typeof(Information))
        {
            return new Figure<T>((T)(object)(UnitAbbreviations.TryCreateInformation(f.Number, f.Unit!, out var information) ? information : throw new GiveUp()), provenance);
        }
        if (typeof(T) == typeof(BitRate))
        {
            return new Figure<T>((T)(object)(UnitAbbreviations.TryCreateBitRate(f.Number, f.Unit!, out var rate) ? rate : throw new GiveUp()), provenance);
        }
        if (typeof(T) == typeof(UnitsNet.Power))
        {
            return new Figure<T>((T)(object)(UnitAbbreviations.TryCreatePower(f.Number, f.Unit!, out var power) ? power : throw new GiveUp()), provenance);
        }
        if (typeof(T) == typeof(ComputeRate))
        {
            var compute = CatalogJsonReader.TryComputeRate(f.Number, f.Unit, out var parsed) ? parsed : throw new GiveUp();
            return new Figure<T>((T)(object)compute, provenance);
        }
        if (typeof(T) == typeof(PricePerHour) && kind == ValueKind.Price)
        {
            return (Figure<T>)(object)strings.Price(ReadMoney(f), provenance);
        }
        if (typeof(T) == typeof(Money) && kind == ValueKind.Money)
        {
            return new Figure<T>((T)(object)ReadMoney(f), provenance);
        }
        throw new GiveUp();
    }

    private static Money ReadMoney(in FigureFields f)
        => global::CloudEconomics.Currency.TryFromCode(f.Currency!, out var currency) ? new Money(f.Amount, currency) : throw new GiveUp();

}
