using System.Globalization;
using System.Text.Json;

namespace CloudEconomics.Catalog.Import;

/// <summary>
/// Reads the AWS Price List bulk offer file for Amazon EC2 (<c>offers/v1.0/aws/AmazonEC2/current/&lt;region&gt;/index.json</c>):
/// products first, then <c>terms.OnDemand</c> and <c>terms.Reserved</c>. Kept: Linux, shared tenancy, no pre-installed
/// software, <c>capacitystatus</c> Used, instances the accelerator-name table maps (by instance family); reserved
/// terms of the standard offering class (1 or 3 years, no, partial or all upfront). Streams: only the kept SKUs are held.
/// </summary>
internal static class AwsPriceListReader
{
    private sealed record Product(string InstanceType, string InstanceId, string Region);

    internal static void Read(Stream file, ImportBuilder builder)
    {
        var json = new JsonStream(file, "AWS Price List");
        if (!json.Read() || json.Token != JsonTokenType.StartObject)
        {
            throw new FormatException("The AWS Price List file must be a JSON object with 'products' and 'terms'.");
        }
        var products = new Dictionary<string, Product>(StringComparer.Ordinal);
        var sawProducts = false;
        long item = 0;
        while (json.Read() && json.Token == JsonTokenType.PropertyName)
        {
            switch (json.Text)
            {
                case "products":
                    sawProducts = true;
                    Expect(json, JsonTokenType.StartObject, "products");
                    while (json.Read() && json.Token == JsonTokenType.PropertyName)
                    {
                        var sku = json.Text!;
                        using var product = json.ReadValue() ?? throw new FormatException("AWS Price List: a product has no value.");
                        item++;
                        builder.RowsRead++;
                        if (Keep(product.RootElement, sku, item, builder) is { } kept)
                        {
                            products[sku] = kept;
                        }
                    }
                    break;
                case "terms":
                    if (!sawProducts)
                    {
                        throw new FormatException("AWS Price List: 'terms' comes before 'products'; the bulk offer file lists products first.");
                    }
                    Expect(json, JsonTokenType.StartObject, "terms");
                    while (json.Read() && json.Token == JsonTokenType.PropertyName)
                    {
                        var termType = json.Text;
                        if (termType is not ("OnDemand" or "Reserved"))
                        {
                            json.Skip();
                            continue;
                        }
                        Expect(json, JsonTokenType.StartObject, termType);
                        while (json.Read() && json.Token == JsonTokenType.PropertyName)
                        {
                            if (!products.TryGetValue(json.Text!, out var product))
                            {
                                json.Skip();
                                continue;
                            }
                            using var terms = json.ReadValue() ?? throw new FormatException("AWS Price List: a term has no value.");
                            foreach (var term in terms.RootElement.EnumerateObject())
                            {
                                AddTerm(product, termType, term.Value, builder);
                            }
                        }
                    }
                    break;
                default:
                    json.Skip();
                    break;
            }
        }
        if (!sawProducts)
        {
            throw new FormatException("The AWS Price List file has no 'products'.");
        }
    }

    private static void Expect(JsonStream json, JsonTokenType token, string what)
    {
        if (!json.Read() || json.Token != token)
        {
            throw new FormatException($"AWS Price List: '{what}' must be a JSON object.");
        }
    }

    private static string? Attribute(JsonElement attributes, string name)
        => attributes.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Product? Keep(JsonElement product, string sku, long item, ImportBuilder builder)
    {
        if (!product.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var family = product.TryGetProperty("productFamily", out var f) ? f.GetString() : null;
        var instanceType = Attribute(attributes, "instanceType");
        if (instanceType is null || family is null || !family.StartsWith("Compute Instance", StringComparison.Ordinal)
            || Attribute(attributes, "operatingSystem") != "Linux" || Attribute(attributes, "tenancy") != "Shared"
            || Attribute(attributes, "preInstalledSw") is not (null or "NA") || Attribute(attributes, "capacitystatus") is not (null or "Used")
            || Attribute(attributes, "licenseModel") is not (null or "No License required") || Attribute(attributes, "marketoption") is not (null or "OnDemand"))
        {
            return null;
        }
        var gpu = Attribute(attributes, "gpu");
        var hasAccelerator = gpu is not null && gpu != "0" && gpu != "NA";
        var rule = builder.Resolve(item, instanceType, null, reportUnknown: hasAccelerator);
        if (rule is null)
        {
            return null;
        }
        var region = Attribute(attributes, "regionCode") ?? RegionOfLocation(Attribute(attributes, "location"));
        if (region is null)
        {
            builder.Report(item, $"{instanceType} ({sku})", $"the product's location '{Attribute(attributes, "location")}' has no region code");
            return null;
        }
        int? count = rule.Count;
        string? countNote = rule.Count is null ? null : "count from the accelerator-name table: " + rule.Note;
        if (count is null && int.TryParse(gpu, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            count = parsed;
            countNote = "the product's 'gpu' attribute";
        }
        if (count is null)
        {
            builder.Report(item, instanceType, "the accelerator count is neither in the product nor in the accelerator-name table");
            return null;
        }
        int? vcpus = int.TryParse(Attribute(attributes, "vcpu"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var memoryText = Attribute(attributes, "memory");
        double? memory = memoryText is not null && memoryText.EndsWith(" GiB", StringComparison.Ordinal)
            && double.TryParse(memoryText[..^4].Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null;
        var id = builder.AddInstance(instanceType, rule.Accelerator!, count.Value, vcpus, memory, countNote);
        return new Product(instanceType, id, region);
    }

    /// <summary>Region codes of the locations old offer files name without a <c>regionCode</c> attribute.</summary>
    private static string? RegionOfLocation(string? location) => location switch
    {
        "US East (N. Virginia)" => "us-east-1",
        "US East (Ohio)" => "us-east-2",
        "US West (N. California)" => "us-west-1",
        "US West (Oregon)" => "us-west-2",
        "EU (Ireland)" or "Europe (Ireland)" => "eu-west-1",
        "EU (Frankfurt)" or "Europe (Frankfurt)" => "eu-central-1",
        "Asia Pacific (Tokyo)" => "ap-northeast-1",
        _ => null,
    };

    private static void AddTerm(Product product, string termType, JsonElement term, ImportBuilder builder)
    {
        var code = term.TryGetProperty("offerTermCode", out var c) ? c.GetString() : null;
        var effective = term.TryGetProperty("effectiveDate", out var e) ? e.GetString() : null;
        PurchaseOption option;
        if (termType == "OnDemand")
        {
            option = PurchaseOption.OnDemand;
        }
        else
        {
            if (!term.TryGetProperty("termAttributes", out var attributes))
            {
                return;
            }
            if (Attribute(attributes, "OfferingClass") is not (null or "standard"))
            {
                return; // convertible reservations are a different product; kept out rather than mixed in
            }
            var years = Attribute(attributes, "LeaseContractLength") switch { "1yr" or "1 yr" => 1, "3yr" or "3 yr" => 3, _ => 0 };
            PaymentOption? payment = Attribute(attributes, "PurchaseOption") switch
            {
                "No Upfront" => PaymentOption.NoUpfront,
                "Partial Upfront" => PaymentOption.PartialUpfront,
                "All Upfront" => PaymentOption.AllUpfront,
                _ => null,
            };
            if (years == 0 || payment is null)
            {
                builder.Report(0, product.InstanceType, $"reserved term {code} has an unknown lease length or purchase option");
                return;
            }
            option = PurchaseOption.Reserved(years, payment.Value);
        }
        decimal? hourly = null;
        decimal? upfront = null;
        string currency = "USD";
        if (!term.TryGetProperty("priceDimensions", out var dimensions))
        {
            return;
        }
        foreach (var dimension in dimensions.EnumerateObject())
        {
            var unit = Attribute(dimension.Value, "unit");
            if (!dimension.Value.TryGetProperty("pricePerUnit", out var prices))
            {
                continue;
            }
            foreach (var price in prices.EnumerateObject())
            {
                currency = price.Name;
                var amount = decimal.Parse(price.Value.GetString() ?? "", NumberStyles.Float, CultureInfo.InvariantCulture);
                if (unit is "Hrs" or "Hours")
                {
                    hourly = amount;
                }
                else if (unit == "Quantity")
                {
                    upfront = amount;
                }
            }
        }
        if (hourly is null)
        {
            return;
        }
        if (option.Kind == PurchaseOptionKind.OnDemand && hourly == 0)
        {
            return; // a zero on-demand rate is a placeholder in the file, not a price
        }
        var money = Currency.FromCode(currency);
        var note = $"offer term {code}" + (effective is null ? "" : ", effective " + effective);
        builder.AddOffer(product.InstanceId, product.Region, option, hourly.Value, money, upfront is > 0 ? upfront : null, note, "SKU");
    }
}
