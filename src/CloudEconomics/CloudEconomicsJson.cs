using System.Text.Json;
using CloudEconomics.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CloudEconomics;

/// <summary>System.Text.Json configuration for every CloudEconomics type.</summary>
public static class CloudEconomicsJson
{
    /// <summary>
    /// Adds the converters for the vocabulary (money, prices, rates), UnitsNet quantities and NodaTime types
    /// (ISO dates such as <c>"2025-06-01"</c>) to <paramref name="options"/>.
    /// </summary>
    /// <param name="options">The options to configure; not yet used for serialization.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <remarks>
    /// When <paramref name="options"/> has no <see cref="JsonSerializerOptions.TypeInfoResolver"/>, the reflection-based
    /// default resolver is set, so the options also work where reflection-based serialization is off by default
    /// (.NET 10 file-based apps).
    /// Formats: money <c>{"amount": 1234.50, "currency": "USD"}</c>; prices the same with <c>"per"</c>
    /// (<c>"h"</c>, <c>"MWh"</c>, <c>"1M tokens"</c>, <c>"kW-month"</c>); quantities <c>{"value": 700, "unit": "W"}</c>.
    /// </remarks>
    public static JsonSerializerOptions ConfigureForCloudEconomics(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // .NET 10 file-based apps (and trimmed apps) turn reflection-based serialization off by default; the
        // library's types are serialized by reflection (no source generators: the package is Roslyn-free).
        options.TypeInfoResolver ??= new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return AddVocabularyConverters(options);
    }

    /// <summary>The converters of <see cref="ConfigureForCloudEconomics"/> except NodaTime's.</summary>
    internal static JsonSerializerOptions AddVocabularyConverters(JsonSerializerOptions options)
    {
        options.Converters.Add(new CurrencyJsonConverter());
        options.Converters.Add(new MoneyJsonConverter());
        options.Converters.Add(new PricePerHourJsonConverter());
        options.Converters.Add(new PricePerEnergyJsonConverter());
        options.Converters.Add(new PricePerMillionTokensJsonConverter());
        options.Converters.Add(new PricePerKilowattMonthJsonConverter());
        options.Converters.Add(new TokenRateJsonConverter());
        options.Converters.Add(new TokenCountJsonConverter());
        options.Converters.Add(new ComputeRateJsonConverter());
        options.Converters.Add(new UnitsNetJsonConverterFactory());
        return options;
    }

    /// <summary>
    /// Options for the library's own documents (scenario, catalog, power data): those of <see cref="CreateOptions"/>,
    /// with an ISO date converter for <see cref="LocalDate"/> in place of NodaTime's full set (these documents hold dates
    /// only, and building NodaTime's converters costs start-up).
    /// </summary>
    internal static JsonSerializerOptions CreateDocumentOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new IsoDateJsonConverter());
        return AddVocabularyConverters(options);
    }

    /// <summary>
    /// New options for CloudEconomics documents: camelCase properties, enums as camelCase strings, indented, with
    /// <see cref="ConfigureForCloudEconomics"/> applied.
    /// </summary>
    /// <returns>Fresh options.</returns>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options.ConfigureForCloudEconomics();
    }
}
