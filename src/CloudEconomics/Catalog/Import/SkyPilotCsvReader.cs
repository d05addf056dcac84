using System.Globalization;
using System.Text;

namespace CloudEconomics.Catalog.Import;

/// <summary>
/// Reads SkyPilot's catalog CSV (<c>InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region[,AvailabilityZone]</c>,
/// columns in any order, as the clouds' variants have them) line by line. Rows without an accelerator (CPU instances) are
/// counted and skipped; an empty <c>Price</c> or <c>SpotPrice</c> means no such offer.
/// </summary>
internal static class SkyPilotCsvReader
{
    internal static void Read(Stream file, ImportBuilder builder)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var header = reader.ReadLine() ?? throw new FormatException("The SkyPilot CSV is empty: it needs a header line.");
        var columns = Split(header, 1);
        int Column(string name, bool required)
        {
            var index = columns.FindIndex(c => string.Equals(c.Trim(), name, StringComparison.OrdinalIgnoreCase));
            return index < 0 && required ? throw new FormatException($"The SkyPilot CSV header must have a '{name}' column; it has {string.Join(",", columns)}.") : index;
        }
        var instanceColumn = Column("InstanceType", true);
        var nameColumn = Column("AcceleratorName", true);
        var countColumn = Column("AcceleratorCount", true);
        var priceColumn = Column("Price", true);
        var regionColumn = Column("Region", true);
        var spotColumn = Column("SpotPrice", false);
        var vcpuColumn = Column("vCPUs", false);
        var memoryColumn = Column("MemoryGiB", false);
        var zoneColumn = Column("AvailabilityZone", false);
        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            var fields = Split(text, line);
            if (fields.Count < columns.Count)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"SkyPilot CSV line {line} has {fields.Count} fields; the header has {columns.Count}."));
            }
            builder.RowsRead++;
            var acceleratorName = fields[nameColumn].Trim();
            if (acceleratorName.Length == 0)
            {
                continue;
            }
            var instanceType = fields[instanceColumn].Trim();
            var key = $"{instanceType} ({acceleratorName})";
            var count = Number(fields[countColumn], "AcceleratorCount", line);
            if (count is not { } c || c <= 0 || c != Math.Floor(c) || c > 1_000_000)
            {
                builder.Report(line, key, $"the accelerator count '{fields[countColumn]}' is not a whole number of accelerators");
                continue;
            }
            var rule = builder.Resolve(line, instanceType, acceleratorName);
            if (rule is null)
            {
                continue;
            }
            var region = fields[regionColumn].Trim();
            if (region.Length == 0)
            {
                builder.Report(line, key, "the row names no region");
                continue;
            }
            var price = Price(fields[priceColumn], "Price", line);
            var spot = spotColumn >= 0 ? Price(fields[spotColumn], "SpotPrice", line) : null;
            if (price is null && spot is null)
            {
                builder.Report(line, key, "the row has neither a price nor a spot price");
                continue;
            }
            var vcpus = vcpuColumn >= 0 ? Number(fields[vcpuColumn], "vCPUs", line) : null;
            var memory = memoryColumn >= 0 ? Number(fields[memoryColumn], "MemoryGiB", line) : null;
            var id = builder.AddInstance(instanceType, rule.Accelerator!, (int)c, vcpus is { } v && v == Math.Floor(v) ? (int)v : null, memory);
            var rowKind = zoneColumn >= 0 ? "availability-zone row" : "row";
            if (price is { } p)
            {
                builder.AddOffer(id, region, PurchaseOption.OnDemand, p, Currency.Usd, null, null, rowKind);
            }
            if (spot is { } s)
            {
                builder.AddOffer(id, region, PurchaseOption.Spot, s, Currency.Usd, null, "spot price at the time of the catalog's refresh", rowKind);
            }
        }
    }

    private static double? Number(string text, string column, long line)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"SkyPilot CSV line {line}: {column} must be a non-negative number; it was '{text}'."));
    }

    private static decimal? Price(string text, string column, long line)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? (value == 0 ? null : value)
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"SkyPilot CSV line {line}: {column} must be a non-negative number of USD per hour; it was '{text}'."));
    }

    /// <summary>RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes).</summary>
    internal static List<string> Split(string line, long number)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }
        if (quoted)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"SkyPilot CSV line {number} ends inside a quoted field."));
        }
        fields.Add(field.ToString());
        return fields;
    }
}
