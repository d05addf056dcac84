using System.Globalization;
using System.Text.Json;

namespace CloudEconomics.Catalog.Import;

/// <summary>
/// Reads an Azure Retail Prices API page (<c>https://prices.azure.com/api/retail/prices</c>: a JSON object with an
/// <c>Items</c> array), item by item. Kept: Virtual Machines items priced per hour that the accelerator-name table maps
/// (by ARM SKU); Windows, low-priority and dev/test meters are left out; an N-series (GPU) SKU the table does not map is
/// reported. Consumption items are on-demand, or spot when the meter
/// or SKU name says "Spot"; reservation items carry the price of the whole term (<c>reservationTerm</c> "1 Year" or
/// "3 Years"), turned into an hourly rate over 8,760 hours a year (Azure's 730 hours a month), the total kept as a note.
/// </summary>
internal static class AzureRetailReader
{
    private const decimal HoursPerYear = 8760m;

    internal static void Read(Stream file, ImportBuilder builder)
    {
        var json = new JsonStream(file, "Azure Retail Prices page");
        if (!json.Read() || json.Token != JsonTokenType.StartObject)
        {
            throw new FormatException("An Azure Retail Prices page must be a JSON object with an 'Items' array.");
        }
        var sawItems = false;
        long item = 0;
        while (json.Read() && json.Token == JsonTokenType.PropertyName)
        {
            if (json.Text != "Items")
            {
                json.Skip();
                continue;
            }
            sawItems = true;
            if (!json.Read() || json.Token != JsonTokenType.StartArray)
            {
                throw new FormatException("Azure Retail Prices page: 'Items' must be an array.");
            }
            while (json.ReadValue() is { } document)
            {
                using (document)
                {
                    item++;
                    builder.RowsRead++;
                    Add(document.RootElement, item, builder);
                }
            }
        }
        if (!sawItems)
        {
            throw new FormatException("The Azure Retail Prices page has no 'Items' array.");
        }
    }

    /// <summary>
    /// Whether an ARM SKU is of Azure's N-series, its GPU-accelerated family (NC, ND, NG, NV: "Standard_N..."): an
    /// N-series SKU the accelerator-name table does not map is reported; other SKUs (CPU sizes) are skipped silently.
    /// </summary>
    private static bool IsGpuSeries(string sku)
        => sku.Length > "Standard_N".Length && sku.StartsWith("Standard_N", StringComparison.OrdinalIgnoreCase) && char.IsAsciiLetterUpper(sku["Standard_N".Length]);

    private static string? Text(JsonElement item, string name)
        => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Add(JsonElement item, long number, ImportBuilder builder)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Azure Retail Prices item {number} is not a JSON object."));
        }
        var sku = Text(item, "armSkuName");
        var service = Text(item, "serviceName");
        var product = Text(item, "productName") ?? "";
        var meter = Text(item, "meterName") ?? "";
        var skuName = Text(item, "skuName") ?? "";
        if (string.IsNullOrEmpty(sku) || service is not (null or "Virtual Machines") || product.EndsWith("Windows", StringComparison.Ordinal)
            || meter.Contains("Low Priority", StringComparison.OrdinalIgnoreCase) || skuName.Contains("Low Priority", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var rule = builder.Resolve(number, sku, null, reportUnknown: IsGpuSeries(sku));
        if (rule is null)
        {
            return;
        }
        if (rule.Count is not { } count)
        {
            builder.Report(number, sku, "the accelerator-name table gives no accelerator count for this SKU");
            return;
        }
        var region = Text(item, "armRegionName");
        if (string.IsNullOrEmpty(region))
        {
            builder.Report(number, sku, "the item names no armRegionName");
            return;
        }
        if (!item.TryGetProperty("retailPrice", out var priceElement) || !priceElement.TryGetDecimal(out var price) || price < 0)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Azure Retail Prices item {number} ({sku}): retailPrice must be a non-negative number."));
        }
        var unit = Text(item, "unitOfMeasure");
        var currency = Currency.FromCode(Text(item, "currencyCode") ?? "USD");
        var type = Text(item, "type");
        var start = Text(item, "effectiveStartDate");
        var id = builder.AddInstance(sku, rule.Accelerator!, count, null, null, "count from the accelerator-name table: " + rule.Note);
        var note = $"meter '{meter}'" + (start is null ? "" : ", effective " + start);
        if (type == "Reservation")
        {
            var years = Text(item, "reservationTerm") switch { "1 Year" => 1, "3 Years" => 3, _ => 0 };
            if (years == 0)
            {
                builder.Report(number, sku, $"reservation term '{Text(item, "reservationTerm")}' is not 1 Year or 3 Years");
                return;
            }
            var hourly = decimal.Round(price / (HoursPerYear * years), 6, MidpointRounding.ToEven);
            builder.AddOffer(id, region, new PurchaseOption { Kind = PurchaseOptionKind.Reserved, TermMonths = years * 12 }, hourly, currency, null,
                string.Create(CultureInfo.InvariantCulture, $"{note}; Azure quotes {price} {currency.Code} for the {years}-year term, spread over {HoursPerYear * years:0} hours"), "item");
            return;
        }
        if (type is not "Consumption" || unit is not "1 Hour" || price == 0)
        {
            return;
        }
        var spot = meter.Contains("Spot", StringComparison.OrdinalIgnoreCase) || skuName.Contains("Spot", StringComparison.OrdinalIgnoreCase);
        builder.AddOffer(id, region, spot ? PurchaseOption.Spot : PurchaseOption.OnDemand, price, currency, null, note, "item");
    }
}
