using System.Globalization;
using System.Text;

namespace CloudEconomics.Catalog.Import;

/// <summary>
/// Reads SkyPilot's catalog CSV (<c>InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region[,AvailabilityZone]</c>,
/// columns in any order, as the clouds' variants have them) line by line. Rows without an accelerator (CPU instances) are
/// counted and skipped; an empty <c>Price</c> or <c>SpotPrice</c> means no such offer.
/// <para>Google Cloud's file prices the machine types of the accelerator-optimized families (a2, a3, g2) without their GPUs
/// and lists the GPUs in rows with no instance type. Those pairs are joined: a machine type row and the GPU row of the same
/// availability zone with the GPU name and count the machine type always carries (<see cref="GcpHostAccelerators"/>) make
/// one instance offer whose price is the sum (on demand and spot separately; an offer needs both parts). Only those
/// machine and GPU rows are held until the end of the file; other GPU rows without an instance type (GPUs attached to a
/// general-purpose VM of the buyer's choice, and TPU slices) are reported, not imported.</para>
/// </summary>
internal static class SkyPilotCsvReader
{
    /// <summary>
    /// The GPUs each accelerator-optimized Google Cloud machine type carries, as SkyPilot joins them:
    /// <c>_ACC_INSTANCE_TYPE_DICTS</c> of <c>sky/catalog/gcp_catalog.py</c> in github:skypilot-org/skypilot (stored code
    /// index file id 75380666, read 2026-12-05).
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, (string Name, int Count)> GcpHostAccelerators = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase)
    {
        ["a2-highgpu-1g"] = ("A100", 1), ["a2-highgpu-2g"] = ("A100", 2), ["a2-highgpu-4g"] = ("A100", 4), ["a2-highgpu-8g"] = ("A100", 8),
        ["a2-megagpu-16g"] = ("A100", 16),
        ["a2-ultragpu-1g"] = ("A100-80GB", 1), ["a2-ultragpu-2g"] = ("A100-80GB", 2), ["a2-ultragpu-4g"] = ("A100-80GB", 4), ["a2-ultragpu-8g"] = ("A100-80GB", 8),
        ["g2-standard-4"] = ("L4", 1), ["g2-standard-8"] = ("L4", 1), ["g2-standard-12"] = ("L4", 1), ["g2-standard-16"] = ("L4", 1),
        ["g2-standard-32"] = ("L4", 1), ["g2-standard-24"] = ("L4", 2), ["g2-standard-48"] = ("L4", 4), ["g2-standard-96"] = ("L4", 8),
        ["a3-highgpu-1g"] = ("H100", 1), ["a3-highgpu-2g"] = ("H100", 2), ["a3-highgpu-4g"] = ("H100", 4), ["a3-highgpu-8g"] = ("H100", 8),
        ["a3-megagpu-8g"] = ("H100-MEGA", 8),
        ["a3-ultragpu-8g"] = ("H200", 8),
        ["a4-highgpu-8g"] = ("B200", 8),
    };

    private sealed record HostRow(long Line, string InstanceType, string Region, string Zone, decimal? Price, decimal? Spot, double? Vcpus, double? Memory);

    /// <summary>The longest line read, in characters (<c>Utility.BoundedInput.MaxLineLength</c>, 4,096; SkyPilot's lines are under 300).</summary>
    internal const int MaxLineLength = Utility.BoundedInput.MaxLineLength;

    /// <summary>
    /// One line without its end (<c>\n</c>, <c>\r\n</c> or <c>\r</c>), or null at the end of the file; refuses a line longer
    /// than <see cref="MaxLineLength"/>, a NUL character and bytes that are not UTF-8 with a <see cref="FormatException"/>
    /// naming the line, after reading at most that many characters.
    /// </summary>
    private static string? ReadLine(StreamReader reader, StringBuilder buffer, long lineNumber)
    {
        buffer.Clear();
        try
        {
            while (true)
            {
                var c = reader.Read();
                switch (c)
                {
                    case -1:
                        return buffer.Length == 0 ? null : buffer.ToString();
                    case '\n':
                        return buffer.ToString();
                    case '\r':
                        if (reader.Peek() == '\n')
                        {
                            reader.Read();
                        }
                        return buffer.ToString();
                    case '\0':
                        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The SkyPilot CSV is not a text file: line {lineNumber} holds a NUL character."));
                    default:
                        if (buffer.Length == MaxLineLength)
                        {
                            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"SkyPilot CSV line {lineNumber} is longer than the limit of {MaxLineLength:N0} characters."));
                        }
                        buffer.Append((char)c);
                        break;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The SkyPilot CSV is not UTF-8 text (line {lineNumber})."));
        }
    }

    internal static void Read(Stream file, ImportBuilder builder)
    {
        // Strict UTF-8 (invalid bytes throw instead of turning into U+FFFD) and lines read with a length cap, so a file
        // with no line end (such as /dev/zero) or binary bytes is refused at once instead of filling memory.
        using var reader = new StreamReader(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var buffer = new StringBuilder();
        var header = ReadLine(reader, buffer, 1) ?? throw new FormatException("The SkyPilot CSV is empty: it needs a header line.");
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
        var hosts = new List<HostRow>();
        var gpuRows = new Dictionary<(string Zone, string Name, int Count), (decimal? Price, decimal? Spot)>();
        while (ReadLine(reader, buffer, line + 1) is { } text)
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
            var instanceType = fields[instanceColumn].Trim();
            if (acceleratorName.Length == 0)
            {
                if (GcpHostAccelerators.ContainsKey(instanceType))
                {
                    var hostRegion = fields[regionColumn].Trim();
                    hosts.Add(new HostRow(line, instanceType, hostRegion, zoneColumn >= 0 ? fields[zoneColumn].Trim() : hostRegion,
                        Price(fields[priceColumn], "Price", line), spotColumn >= 0 ? Price(fields[spotColumn], "SpotPrice", line) : null,
                        vcpuColumn >= 0 ? Number(fields[vcpuColumn], "vCPUs", line) : null, memoryColumn >= 0 ? Number(fields[memoryColumn], "MemoryGiB", line) : null));
                }
                continue;
            }
            var key = $"{instanceType} ({acceleratorName})";
            var count = Number(fields[countColumn], "AcceleratorCount", line);
            if (count is not { } c || c <= 0 || c != Math.Floor(c) || c > 1_000_000)
            {
                builder.Report(line, key, $"the accelerator count '{fields[countColumn]}' is not a whole number of accelerators");
                continue;
            }
            if (instanceType.Length == 0)
            {
                // A GPU row without a machine type (Google Cloud): held for the join when a machine type carries it.
                var gpuZone = zoneColumn >= 0 ? fields[zoneColumn].Trim() : fields[regionColumn].Trim();
                if (GcpHostAccelerators.Values.Contains((acceleratorName, (int)c)))
                {
                    gpuRows[(gpuZone, acceleratorName, (int)c)] = (Price(fields[priceColumn], "Price", line), spotColumn >= 0 ? Price(fields[spotColumn], "SpotPrice", line) : null);
                }
                else
                {
                    builder.Report(line, $"{acceleratorName} x{(int)c} (no instance type)",
                        "an accelerator row with no instance type that no accelerator-optimized machine type carries (a GPU attached to a VM of the buyer's choice, or a TPU slice): not an instance");
                }
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
        JoinHosts(builder, hosts, gpuRows);
    }

    private static void JoinHosts(ImportBuilder builder, List<HostRow> hosts, Dictionary<(string Zone, string Name, int Count), (decimal? Price, decimal? Spot)> gpuRows)
    {
        foreach (var host in hosts)
        {
            var (name, count) = GcpHostAccelerators[host.InstanceType];
            var key = $"{host.InstanceType} ({name} x{count})";
            if (!gpuRows.TryGetValue((host.Zone, name, count), out var gpu))
            {
                builder.Report(host.Line, key, $"no {name} x{count} GPU row in zone {host.Zone}: the machine type's price alone is not the instance's price");
                continue;
            }
            var rule = builder.Resolve(host.Line, host.InstanceType, name);
            if (rule is null)
            {
                continue;
            }
            decimal? onDemand = host.Price is { } hp && gpu.Price is { } gp ? hp + gp : null;
            decimal? spot = host.Spot is { } hs && gpu.Spot is { } gs ? hs + gs : null;
            if (onDemand is null && spot is null)
            {
                builder.Report(host.Line, key, "neither an on-demand nor a spot price for both the machine type and its GPUs");
                continue;
            }
            var id = builder.AddInstance(host.InstanceType, rule.Accelerator!, count,
                host.Vcpus is { } v && v == Math.Floor(v) ? (int)v : null, host.Memory,
                $"{count} x {name}: the GPUs this machine type carries (SkyPilot's _ACC_INSTANCE_TYPE_DICTS, sky/catalog/gcp_catalog.py)");
            const string rowKind = "availability-zone row";
            const string join = "machine type row plus the GPU row of the same availability zone (the file prices them separately)";
            if (onDemand is { } o)
            {
                builder.AddOffer(id, host.Region, PurchaseOption.OnDemand, o, Currency.Usd, null, join, rowKind);
            }
            if (spot is { } sp)
            {
                builder.AddOffer(id, host.Region, PurchaseOption.Spot, sp, Currency.Usd, null, "spot price at the time of the catalog's refresh; " + join, rowKind);
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
