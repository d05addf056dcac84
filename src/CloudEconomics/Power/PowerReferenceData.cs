using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace CloudEconomics.Power;

/// <summary>
/// A figure as its source states it: the value (null when no source disclosed it; it stays unknown, never
/// estimated), its unit, the source (URL), the as-of date or period, and an optional note.
/// </summary>
/// <param name="Value">The value, or null when unknown.</param>
/// <param name="Unit">The unit as written in the seed, such as <c>"MW"</c> or <c>"USD/MWh"</c>.</param>
/// <param name="Source">Where the figure comes from; present whenever <paramref name="Value"/> is.</param>
/// <param name="AsOf">The date or period of the figure (<c>"2024"</c>, <c>"2024-Q4"</c>, <c>"2025-06-11"</c>).</param>
/// <param name="Note">Caveats: conflicts, derivations, ranges.</param>
public sealed record SourcedValue(decimal? Value, string? Unit, string? Source, string? AsOf, string? Note)
{
    /// <summary>Whether a source disclosed the value.</summary>
    public bool IsKnown => Value is not null;
}

/// <summary>A power usage effectiveness figure of a fleet or an industry average (seeds/power/pue.json).</summary>
/// <param name="Id">Stable id, such as <c>"aws-2024"</c>.</param>
/// <param name="Name">What the figure describes.</param>
/// <param name="Pue">The PUE (facility energy / IT energy), at least 1.</param>
public sealed record PueRecord(string Id, string Name, SourcedValue Pue);

/// <summary>A PPA price index value (seeds/power/ppa-prices.json), in USD per MWh; null when undisclosed.</summary>
/// <param name="Id">Stable id, such as <c>"levelten-na-p25-solar-2024q4"</c>.</param>
/// <param name="Name">What the index measures.</param>
/// <param name="Technology">solar, wind, nuclear, or null for a blend.</param>
/// <param name="Region">The market or ISO, or null.</param>
/// <param name="UsdPerMegawattHour">The price, USD per MWh.</param>
public sealed record PpaPriceIndexRecord(string Id, string Name, string? Technology, string? Region, SourcedValue UsdPerMegawattHour)
{
    /// <summary>The price as a typed value, or null when undisclosed.</summary>
    public PricePerEnergy? Price => UsdPerMegawattHour.Value is { } v ? PricePerEnergy.UsdPerMegawattHour(v) : null;
}

/// <summary>An average retail electricity price (seeds/power/electricity-prices.json), in USD per kWh as sources quote it.</summary>
/// <param name="Id">Stable id, such as <c>"us-industrial-2025"</c>.</param>
/// <param name="Name">What the price measures.</param>
/// <param name="Period">The year (<c>"2025"</c>) or month (<c>"2026-01"</c>).</param>
/// <param name="UsdPerKilowattHour">The price, USD per kWh.</param>
public sealed record ElectricityPriceRecord(string Id, string Name, string Period, SourcedValue UsdPerKilowattHour)
{
    /// <summary>The price per MWh (USD/kWh x 1,000, exact), or null when unknown.</summary>
    public PricePerEnergy? Price => UsdPerKilowattHour.Value is { } v ? PricePerEnergy.FromPerKilowattHour(Money.Usd(v)) : null;
}

/// <summary>A hyperscaler power deal (seeds/power/power-deals.json). Figures differ by deal; each carries its own source.</summary>
/// <param name="Id">Stable id, such as <c>"talen-amazon-susquehanna"</c>.</param>
/// <param name="Name">The deal.</param>
/// <param name="Buyer">The buyer.</param>
/// <param name="Seller">The seller or developer.</param>
/// <param name="Source">The generation source.</param>
/// <param name="Figures">Named figures such as <c>contractedMw</c>, <c>contractEndYear</c>, <c>usdPerMegawattHour</c> (null: undisclosed).</param>
public sealed record PowerDealRecord(string Id, string Name, string Buyer, string Seller, EnergySourceKind Source, IReadOnlyDictionary<string, SourcedValue> Figures)
{
    /// <summary>A figure by name, or null when the deal has no such figure.</summary>
    /// <param name="name">The figure's name, such as <c>"contractedMw"</c>.</param>
    /// <returns>The figure (whose value may itself be null: undisclosed).</returns>
    public SourcedValue? Figure(string name) => Figures.TryGetValue(name, out var v) ? v : null;
}

/// <summary>A seed file could not be loaded: names the file, the JSON path, the record id and the rule.</summary>
public sealed class PowerDataLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file.</param>
    /// <param name="jsonPath">The JSON path of the bad value.</param>
    /// <param name="recordId">The record's id, if known.</param>
    /// <param name="rule">The rule that failed.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public PowerDataLoadException(string fileName, string? jsonPath, string? recordId, string rule, Exception? inner = null)
        : base($"{fileName}: {jsonPath ?? "$"}{(recordId is null ? "" : $" (record \"{recordId}\")")}: {rule}", inner)
    {
        FileName = fileName;
        JsonPath = jsonPath;
        RecordId = recordId;
        Rule = rule;
    }

    /// <summary>The file.</summary>
    public string FileName { get; }

    /// <summary>The JSON path of the bad value.</summary>
    public string? JsonPath { get; }

    /// <summary>The record id, if known.</summary>
    public string? RecordId { get; }

    /// <summary>The rule that failed.</summary>
    public string Rule { get; }
}

/// <summary>
/// Sourced power data: hyperscaler PUEs, PPA price indexes, US industrial electricity prices and the nuclear and SMR
/// deals, from the embedded <c>seeds/power/*.json</c>. Immutable and thread-safe.
/// </summary>
public sealed class PowerReferenceData
{
    private static readonly Lazy<PowerReferenceData> DefaultData = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private PowerReferenceData(IReadOnlyList<PueRecord> pue, IReadOnlyList<PpaPriceIndexRecord> ppa, IReadOnlyList<ElectricityPriceRecord> electricity, IReadOnlyList<PowerDealRecord> deals)
    {
        Pue = pue;
        PpaPrices = ppa;
        ElectricityPrices = electricity;
        Deals = deals;
    }

    /// <summary>The embedded defaults.</summary>
    /// <exception cref="PowerDataLoadException">An embedded file is broken (a packaging bug).</exception>
    public static PowerReferenceData Default => DefaultData.Value;

    /// <summary>PUE figures (pue.json).</summary>
    public IReadOnlyList<PueRecord> Pue { get; }

    /// <summary>PPA price indexes (ppa-prices.json).</summary>
    public IReadOnlyList<PpaPriceIndexRecord> PpaPrices { get; }

    /// <summary>US industrial electricity prices (electricity-prices.json).</summary>
    public IReadOnlyList<ElectricityPriceRecord> ElectricityPrices { get; }

    /// <summary>Nuclear and SMR deals (power-deals.json).</summary>
    public IReadOnlyList<PowerDealRecord> Deals { get; }

    /// <summary>A PUE record by id.</summary>
    /// <param name="id">The id, such as <c>"aws-2024"</c>.</param>
    /// <returns>The record.</returns>
    /// <exception cref="KeyNotFoundException">No record has that id.</exception>
    public PueRecord PueById(string id) => Find(Pue, r => r.Id, id, "pue.json");

    /// <summary>A PPA price index record by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The record.</returns>
    /// <exception cref="KeyNotFoundException">No record has that id.</exception>
    public PpaPriceIndexRecord PpaPriceById(string id) => Find(PpaPrices, r => r.Id, id, "ppa-prices.json");

    /// <summary>An electricity price record by id.</summary>
    /// <param name="id">The id, such as <c>"us-industrial-2025"</c>.</param>
    /// <returns>The record.</returns>
    /// <exception cref="KeyNotFoundException">No record has that id.</exception>
    public ElectricityPriceRecord ElectricityPriceById(string id) => Find(ElectricityPrices, r => r.Id, id, "electricity-prices.json");

    /// <summary>A deal by id.</summary>
    /// <param name="id">The id, such as <c>"talen-amazon-susquehanna"</c>.</param>
    /// <returns>The record.</returns>
    /// <exception cref="KeyNotFoundException">No record has that id.</exception>
    public PowerDealRecord DealById(string id) => Find(Deals, r => r.Id, id, "power-deals.json");

    /// <summary>
    /// Loads the four power files from streams (for user data or tests); each is checked: unique non-empty ids, a
    /// source for every known value, PUE at least 1, prices not negative.
    /// </summary>
    /// <param name="pue">pue.json.</param>
    /// <param name="ppaPrices">ppa-prices.json.</param>
    /// <param name="electricityPrices">electricity-prices.json.</param>
    /// <param name="deals">power-deals.json.</param>
    /// <returns>The data.</returns>
    /// <exception cref="PowerDataLoadException">A file is not valid JSON of the expected shape or breaks a rule.</exception>
    public static PowerReferenceData Load(Stream pue, Stream ppaPrices, Stream electricityPrices, Stream deals)
    {
        var p = Read<PueRecord>(pue, "pue.json");
        var ppa = Read<PpaPriceIndexRecord>(ppaPrices, "ppa-prices.json");
        var e = Read<ElectricityPriceRecord>(electricityPrices, "electricity-prices.json");
        var d = Read<PowerDealRecord>(deals, "power-deals.json");
        CheckIds(p, r => r.Id, "pue.json");
        CheckIds(ppa, r => r.Id, "ppa-prices.json");
        CheckIds(e, r => r.Id, "electricity-prices.json");
        CheckIds(d, r => r.Id, "power-deals.json");
        for (int i = 0; i < p.Count; i++)
        {
            CheckFigure(p[i].Pue, "pue.json", $"$.records[{i}].pue", p[i].Id, min: 1m, "PUE must be at least 1");
        }
        for (int i = 0; i < ppa.Count; i++)
        {
            CheckFigure(ppa[i].UsdPerMegawattHour, "ppa-prices.json", $"$.records[{i}].usdPerMegawattHour", ppa[i].Id, min: 0m, "A PPA price must not be negative");
        }
        for (int i = 0; i < e.Count; i++)
        {
            CheckFigure(e[i].UsdPerKilowattHour, "electricity-prices.json", $"$.records[{i}].usdPerKilowattHour", e[i].Id, min: 0m, "An electricity price must not be negative");
        }
        for (int i = 0; i < d.Count; i++)
        {
            if (d[i].Figures is null)
            {
                throw new PowerDataLoadException("power-deals.json", $"$.records[{i}].figures", d[i].Id, "A deal must have a figures object.");
            }
            foreach (var (name, figure) in d[i].Figures)
            {
                CheckFigure(figure, "power-deals.json", $"$.records[{i}].figures.{name}", d[i].Id, min: 0m, "A deal figure must not be negative");
            }
        }
        return new PowerReferenceData(p, ppa, e, d);
    }

    private static PowerReferenceData LoadEmbedded()
    {
        var assembly = typeof(PowerReferenceData).Assembly;
        using var pue = Open(assembly, "pue.json");
        using var ppa = Open(assembly, "ppa-prices.json");
        using var electricity = Open(assembly, "electricity-prices.json");
        using var deals = Open(assembly, "power-deals.json");
        return Load(pue, ppa, electricity, deals);
    }

    private static Stream Open(Assembly assembly, string file)
        => assembly.GetManifestResourceStream("CloudEconomics.Seeds.power." + file)
           ?? throw new PowerDataLoadException(file, null, null, "The embedded resource CloudEconomics.Seeds.power." + file + " is missing from the assembly.");

    private sealed record SeedFile<T>(string? Description, string? Reference, List<T>? Records);

    private static readonly JsonSerializerOptions Options = CloudEconomicsJson.CreateDocumentOptions();

    private static List<T> Read<T>(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream, file);
        SeedFile<T>? seed;
        try
        {
            // At most 16 MiB of UTF-8 text, nested at most 64 deep, checked before parsing (Utility/BoundedInput).
            var bytes = Utility.BoundedInput.ReadBytes(stream, file);
            Utility.BoundedInput.CheckJson(bytes, file);
            seed = JsonSerializer.Deserialize<SeedFile<T>>(bytes, Options);
        }
        catch (Utility.BoundedInputException ex)
        {
            throw new PowerDataLoadException(file, "$", null, "The file " + ex.Rule, ex);
        }
        catch (JsonException ex)
        {
            throw new PowerDataLoadException(file, ex.Path, null, "Invalid JSON or wrong shape: " + ex.Message, ex);
        }
        if (seed?.Records is null)
        {
            throw new PowerDataLoadException(file, "$.records", null, "The file must have a \"records\" array.");
        }
        return seed.Records;
    }

    private static void CheckIds<T>(List<T> records, Func<T, string> id, string file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            if (records[i] is null)
            {
                throw new PowerDataLoadException(file, $"$.records[{i}]", null, "A record must not be null.");
            }
            string value = id(records[i]);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new PowerDataLoadException(file, $"$.records[{i}].id", null, "Every record needs a non-empty id.");
            }
            if (!seen.Add(value))
            {
                throw new PowerDataLoadException(file, $"$.records[{i}].id", value, "Ids must be unique within a file.");
            }
        }
    }

    private static void CheckFigure(SourcedValue? figure, string file, string path, string id, decimal min, string rule)
    {
        if (figure is null)
        {
            throw new PowerDataLoadException(file, path, id, "The figure is missing (write {\"value\": null} for an unknown value).");
        }
        if (figure.Value is { } v)
        {
            if (string.IsNullOrWhiteSpace(figure.Source) || string.IsNullOrWhiteSpace(figure.AsOf))
            {
                throw new PowerDataLoadException(file, path, id, "A known value needs its source and as-of date.");
            }
            if (v < min)
            {
                throw new PowerDataLoadException(file, path + ".value", id, $"{rule}; it was {v.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }

    private static T Find<T>(IReadOnlyList<T> records, Func<T, string> id, string key, string file)
    {
        foreach (var r in records)
        {
            if (id(r) == key)
            {
                return r;
            }
        }
        throw new KeyNotFoundException($"{file} has no record with id \"{key}\".");
    }
}
