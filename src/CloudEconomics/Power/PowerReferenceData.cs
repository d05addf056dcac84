using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace CloudEconomics.Power;

/// <summary>A power usage effectiveness figure of a fleet or an industry average (seeds/power/pue.json).</summary>
/// <param name="Id">Stable id, such as <c>"aws-2024"</c>.</param>
/// <param name="Name">What the figure describes.</param>
/// <param name="Pue">The PUE (facility energy / IT energy), at least 1.</param>
public sealed record PueRecord(string Id, string Name, Figure<decimal> Pue);

/// <summary>A PPA price index value (seeds/power/ppa-prices.json), in USD per MWh; null when undisclosed.</summary>
/// <param name="Id">Stable id, such as <c>"levelten-na-p25-solar-2024q4"</c>.</param>
/// <param name="Name">What the index measures.</param>
/// <param name="Technology">solar, wind, nuclear, or null for a blend.</param>
/// <param name="Region">The market or ISO, or null.</param>
/// <param name="UsdPerMegawattHour">The price, USD per MWh.</param>
public sealed record PpaPriceIndexRecord(string Id, string Name, string? Technology, string? Region, Figure<decimal> UsdPerMegawattHour)
{
    /// <summary>The price as a typed value, or null when undisclosed.</summary>
    public PricePerEnergy? Price => UsdPerMegawattHour.Value is { } v ? PricePerEnergy.UsdPerMegawattHour(v) : null;
}

/// <summary>An average retail electricity price (seeds/power/electricity-prices.json), in USD per kWh as sources quote it.</summary>
/// <param name="Id">Stable id, such as <c>"us-industrial-2025"</c>.</param>
/// <param name="Name">What the price measures.</param>
/// <param name="Period">The year (<c>"2025"</c>) or month (<c>"2026-01"</c>).</param>
/// <param name="UsdPerKilowattHour">The price, USD per kWh.</param>
public sealed record ElectricityPriceRecord(string Id, string Name, string Period, Figure<decimal> UsdPerKilowattHour)
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
public sealed record PowerDealRecord(string Id, string Name, string Buyer, string Seller, EnergySourceKind Source, IReadOnlyDictionary<string, CloudEconomics.Figure<decimal>> Figures)
{
    /// <summary>A figure by name, or null when the deal has no such figure.</summary>
    /// <param name="name">The figure's name, such as <c>"contractedMw"</c>.</param>
    /// <returns>The figure (whose value may itself be null: undisclosed).</returns>
    public CloudEconomics.Figure<decimal>? Figure(string name) => Figures.TryGetValue(name, out var v) ? v : null;
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
    /// <exception cref="DataLoadException">An embedded file is broken (a packaging bug).</exception>
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
    /// Loads the four power files from streams (for user data or tests). Each file is read through the bounded reader
    /// (16 MiB, 64 levels), deserialised, then checked as a whole: unique non-empty ids, and for every known value a
    /// complete provenance (source, as-of date, confidence), PUE at least 1, prices and deal figures not negative.
    /// </summary>
    /// <param name="pue">pue.json.</param>
    /// <param name="ppaPrices">ppa-prices.json.</param>
    /// <param name="electricityPrices">electricity-prices.json.</param>
    /// <param name="deals">power-deals.json.</param>
    /// <returns>The data.</returns>
    /// <exception cref="DataLoadException">A file is too large or deep, not JSON of the expected shape, or breaks a rule; every problem is listed.</exception>
    public static PowerReferenceData Load(Stream pue, Stream ppaPrices, Stream electricityPrices, Stream deals)
    {
        var p = Read<PueRecord>(pue, "pue.json");
        var ppa = Read<PpaPriceIndexRecord>(ppaPrices, "ppa-prices.json");
        var e = Read<ElectricityPriceRecord>(electricityPrices, "electricity-prices.json");
        var d = Read<PowerDealRecord>(deals, "power-deals.json");
        var problems = new List<DataLoadProblem>();
        CheckIds(p, r => r.Id, "pue.json", problems);
        CheckIds(ppa, r => r.Id, "ppa-prices.json", problems);
        CheckIds(e, r => r.Id, "electricity-prices.json", problems);
        CheckIds(d, r => r.Id, "power-deals.json", problems);
        for (int i = 0; i < p.Count; i++)
        {
            CheckFigure(p[i]?.Pue, "pue.json", $"$.records[{i}].pue", p[i]?.Id, min: 1m, "PUE must be at least 1", problems);
        }
        for (int i = 0; i < ppa.Count; i++)
        {
            CheckFigure(ppa[i]?.UsdPerMegawattHour, "ppa-prices.json", $"$.records[{i}].usdPerMegawattHour", ppa[i]?.Id, min: 0m, "A PPA price must not be negative", problems);
        }
        for (int i = 0; i < e.Count; i++)
        {
            CheckFigure(e[i]?.UsdPerKilowattHour, "electricity-prices.json", $"$.records[{i}].usdPerKilowattHour", e[i]?.Id, min: 0m, "An electricity price must not be negative", problems);
        }
        for (int i = 0; i < d.Count; i++)
        {
            if (d[i] is null)
            {
                continue;
            }
            if (d[i].Figures is null)
            {
                problems.Add(new DataLoadProblem("power-deals.json", $"$.records[{i}].figures", d[i].Id, "Required", "A deal must have a figures object."));
                continue;
            }
            foreach (var (name, figure) in d[i].Figures)
            {
                CheckFigure(figure, "power-deals.json", $"$.records[{i}].figures.{name}", d[i].Id, min: 0m, "A deal figure must not be negative", problems);
            }
        }
        if (problems.Count > 0)
        {
            throw new DataLoadException(problems);
        }
        return new PowerReferenceData(p, ppa, e, d);
    }

    /// <summary>Every figure of the data with where it sits (<c>"pue.json $.records[0].pue"</c>), known or not.</summary>
    /// <returns>The figures in file order.</returns>
    public IEnumerable<(string Location, Figure<decimal> Figure)> AllFigures()
    {
        for (int i = 0; i < Pue.Count; i++)
        {
            yield return ($"pue.json $.records[{i}].pue [{Pue[i].Id}]", Pue[i].Pue);
        }
        for (int i = 0; i < PpaPrices.Count; i++)
        {
            yield return ($"ppa-prices.json $.records[{i}].usdPerMegawattHour [{PpaPrices[i].Id}]", PpaPrices[i].UsdPerMegawattHour);
        }
        for (int i = 0; i < ElectricityPrices.Count; i++)
        {
            yield return ($"electricity-prices.json $.records[{i}].usdPerKilowattHour [{ElectricityPrices[i].Id}]", ElectricityPrices[i].UsdPerKilowattHour);
        }
        for (int i = 0; i < Deals.Count; i++)
        {
            foreach (var (name, figure) in Deals[i].Figures)
            {
                yield return ($"power-deals.json $.records[{i}].figures.{name} [{Deals[i].Id}]", figure);
            }
        }
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
           ?? throw new DataLoadException(file, "$", "The embedded resource CloudEconomics.Seeds.power." + file + " is missing from the assembly.", rule: "MissingResource");

    private sealed record SeedFile<T>(string? Description, string? Reference, List<T>? Records);

    private static readonly JsonSerializerOptions Options = CloudEconomicsJson.CreateDocumentOptions();

    private static List<T> Read<T>(Stream stream, string file) where T : class
    {
        ArgumentNullException.ThrowIfNull(stream, file);
        // At most 16 MiB of UTF-8 text, nested at most 64 deep, checked before parsing (Utility/BoundedInput); a
        // refusal is a DataLoadException naming the file and the limit.
        var bytes = Utility.BoundedInput.ReadBytes(stream, file);
        // Start-up: the files' own shape by an element walk; the serializer reads (and words the problems of) the rest.
        return PowerSeedWalk.TryRead<T>(bytes) ?? ReadWithSerializer<T>(bytes, file);
    }

    /// <summary>The file through the serializer (the reference the element walk is tested against).</summary>
    internal static List<T> ReadWithSerializer<T>(byte[] bytes, string file)
    {
        SeedFile<T>? seed;
        try
        {
            Utility.BoundedInput.CheckJson(bytes, file);
            seed = JsonSerializer.Deserialize<SeedFile<T>>(bytes, Options);
        }
        catch (JsonException ex)
        {
            throw new DataLoadException(file, ex.Path ?? "$", "Invalid JSON or wrong shape: " + ex.Message, rule: "InvalidJson", innerException: ex);
        }
        if (seed?.Records is null)
        {
            throw new DataLoadException(file, "$.records", "The file must have a \"records\" array.", rule: "Required");
        }
        return seed.Records;
    }

    private static void CheckIds<T>(List<T> records, Func<T, string> id, string file, List<DataLoadProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            if (records[i] is null)
            {
                problems.Add(new DataLoadProblem(file, $"$.records[{i}]", null, "NullRecord", "A record must not be null."));
                continue;
            }
            string value = id(records[i]);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new DataLoadProblem(file, $"$.records[{i}].id", null, "Required", "Every record needs a non-empty id."));
            }
            else if (!seen.Add(value))
            {
                problems.Add(new DataLoadProblem(file, $"$.records[{i}].id", value, "DuplicateId", "Ids must be unique within a file."));
            }
        }
    }

    private static void CheckFigure(Figure<decimal>? figure, string file, string path, string? id, decimal min, string rule, List<DataLoadProblem> problems)
    {
        if (figure is null)
        {
            problems.Add(new DataLoadProblem(file, path, id, "Required", "The figure is missing (write {\"value\": null, \"note\": \"why\"} for an unknown value)."));
            return;
        }
        if (figure.Value is not { } v)
        {
            return;
        }
        var provenance = figure.Provenance;
        if (string.IsNullOrWhiteSpace(provenance.Source))
        {
            problems.Add(new DataLoadProblem(file, path + ".source", id, "MissingSource", "A known value must name its source."));
        }
        if (provenance.AsOf is null)
        {
            problems.Add(new DataLoadProblem(file, path + ".asOf", id, "MissingAsOf", "A known value must give its as-of date."));
        }
        if (provenance.Confidence is not { } confidence || !Enum.IsDefined(confidence))
        {
            problems.Add(new DataLoadProblem(file, path + ".confidence", id, "MissingConfidence", "A known value must state its confidence (vendor, curatedDataset, secondary or estimate)."));
        }
        if (v < min)
        {
            problems.Add(new DataLoadProblem(file, path + ".value", id, "OutOfRange", $"{rule}; it was {v.ToString(CultureInfo.InvariantCulture)}."));
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
