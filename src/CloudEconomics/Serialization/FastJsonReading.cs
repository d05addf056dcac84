using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace CloudEconomics.Serialization;

/// <summary>
/// The primitives of the one-pass <see cref="Utf8JsonReader"/> readers (the catalog's <c>CatalogFastReader</c>, the
/// scenario's <c>ScenarioFastReader</c>): each reads only clean documents (exact camelCase names, each once, values of the
/// expected JSON kind) and gives up on anything else by throwing <see cref="GiveUp"/>, which never leaves the reader; the
/// caller then reads the document the slow way, which reports every problem in its own words.
/// </summary>
internal static class FastJsonReading
{
    /// <summary>Thrown inside a fast reader to give up on a document; never escapes the reader's <c>TryRead</c>.</summary>
    internal sealed class GiveUp : Exception;

    internal static Confidence? ReadConfidence(ref Utf8JsonReader r) => Next(ref r) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when r.ValueTextEquals("vendor"u8) => global::CloudEconomics.Confidence.Vendor,
        JsonTokenType.String when r.ValueTextEquals("curatedDataset"u8) => global::CloudEconomics.Confidence.CuratedDataset,
        JsonTokenType.String when r.ValueTextEquals("secondary"u8) => global::CloudEconomics.Confidence.Secondary,
        JsonTokenType.String when r.ValueTextEquals("estimate"u8) => global::CloudEconomics.Confidence.Estimate,
        _ => throw new GiveUp(),
    };

    internal static LocalDate? Date(ref Utf8JsonReader r) => Next(ref r) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when !r.ValueIsEscaped && !r.HasValueSequence => IsoDate.TryParse(r.ValueSpan, out var date) ? date : throw new GiveUp(),
        JsonTokenType.String when IsoDate.TryParse(r.GetString()!, out var date) => date,
        _ => throw new GiveUp(),
    };

    /// <summary>An enum by number or by name, as the catalog's element walk reads it.</summary>
    internal static TEnum ReadEnum<TEnum>(ref Utf8JsonReader r) where TEnum : struct, Enum
    {
        Next(ref r);
        return CurrentEnum<TEnum>(ref r);
    }

    internal static TEnum CurrentEnum<TEnum>(ref Utf8JsonReader r) where TEnum : struct, Enum
    {
        var token = r.TokenType;
        if (token == JsonTokenType.Number && r.TryGetInt32(out var number))
        {
            return (TEnum)(object)number;
        }
        if (token == JsonTokenType.String)
        {
            // The camelCase name of a member: what Enum.TryParse (ignoring case) gives for it. Other spellings, which the walk
            // also accepts, give up here (and avoid JIT-compiling Enum.TryParse for every enum in a new process).
            foreach (var (name, value) in EnumNames<TEnum>.Table)
            {
                if (r.ValueTextEquals(name))
                {
                    return (TEnum)(object)value;
                }
            }
        }
        throw new GiveUp();
    }

    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        internal static readonly (byte[] Name, int Value)[] Table = Create();

        private static (byte[] Name, int Value)[] Create()
        {
            var names = System.Enum.GetNames(typeof(TEnum));
            var values = System.Enum.GetValuesAsUnderlyingType(typeof(TEnum));
            var table = new (byte[], int)[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                table[i] = (System.Text.Encoding.UTF8.GetBytes(char.ToLowerInvariant(names[i][0]) + names[i][1..]), Convert.ToInt32(values.GetValue(i), CultureInfo.InvariantCulture));
            }
            return table;
        }
    }

    internal static string? ReadString(ref Utf8JsonReader r, JsonStrings strings) => Next(ref r) switch
    {
        JsonTokenType.String => strings.Get(ref r),
        JsonTokenType.Null => null,
        _ => throw new GiveUp(),
    };

    /// <summary>A string that no other value repeats (such as an offer's id), past the cache it would only crowd.</summary>
    internal static string? ReadUniqueString(ref Utf8JsonReader r) => Next(ref r) switch
    {
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Null => null,
        _ => throw new GiveUp(),
    };

    /// <summary>A JSON array of strings (no null, no other kind) as a new list; gives up otherwise.</summary>
    internal static List<string> ReadStrings(ref Utf8JsonReader r, JsonStrings strings)
    {
        Expect(ref r, JsonTokenType.StartArray);
        var list = new List<string>();
        while (Next(ref r) == JsonTokenType.String)
        {
            list.Add(strings.Get(ref r));
        }
        return r.TokenType == JsonTokenType.EndArray ? list : throw new GiveUp();
    }

    internal static JsonTokenType Next(ref Utf8JsonReader r) => r.Read() ? r.TokenType : throw new GiveUp();

    /// <summary>Reads the next token: false for a JSON null, true when an object starts; gives up on anything else.</summary>
    internal static bool ObjectOrNull(ref Utf8JsonReader r) => Next(ref r) switch
    {
        JsonTokenType.Null => false,
        JsonTokenType.StartObject => true,
        _ => throw new GiveUp(),
    };

    internal static ref Utf8JsonReader Expect(ref Utf8JsonReader r, JsonTokenType token)
    {
        if (Next(ref r) != token)
        {
            throw new GiveUp();
        }
        return ref r;
    }

    internal static void Once(ref int seen, int bit)
    {
        if ((seen & bit) != 0)
        {
            throw new GiveUp();
        }
        seen |= bit;
    }

    internal static void Require(int seen, int required)
    {
        if ((seen & required) != required)
        {
            throw new GiveUp();
        }
    }

    /// <summary>
    /// Strings and provenances read from one document, shared when repeated: the seeds repeat each source, as-of date and
    /// note across many figures, so one string per distinct unescaped text (and one <see cref="Provenance"/> per run of
    /// figures with the same fields) saves most of the load's allocations. Keys are offsets into the document.
    /// </summary>
    internal sealed class JsonStrings
    {
        private readonly ReadOnlyMemory<byte> document;
        private readonly int mask;
        private readonly int[] starts;
        private readonly int[] lengths;
        private readonly int[] hashes;
        private readonly string?[] values;
        private readonly Provenance?[] provenances = new Provenance[256];
        private readonly Figure<PricePerHour>?[] prices = new Figure<PricePerHour>[256];
        private string? lastAsOfText;
        private LocalDate lastAsOf;

        // A direct-mapped cache keyed by a hash of the whole text, one slot per 2 KB of document (256 to 4,096): large
        // enough to keep the repeated texts of a large catalog (sources, notes, regions, the ids offers refer to) while
        // texts that never repeat pass through.
        internal JsonStrings(ReadOnlyMemory<byte> document)
        {
            this.document = document;
            var slots = (int)Math.Clamp(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)document.Length / 2048), 256, 4096);
            mask = slots - 1;
            starts = new int[slots];
            lengths = new int[slots];
            hashes = new int[slots];
            values = new string[slots];
        }

        internal string Get(ref Utf8JsonReader r)
        {
            if (r.ValueIsEscaped || r.HasValueSequence || r.TokenType != JsonTokenType.String)
            {
                return r.GetString()!;
            }
            var span = r.ValueSpan;
            var code = Hash(span);
            var slot = code & mask;
            if (values[slot] is { } cached && hashes[slot] == code && lengths[slot] == span.Length
                && span.SequenceEqual(document.Span.Slice(starts[slot], span.Length)))
            {
                return cached;
            }
            var text = r.GetString()!;
            starts[slot] = (int)r.TokenStartIndex + 1; // after the opening quote
            lengths[slot] = span.Length;
            hashes[slot] = code;
            values[slot] = text;
            return text;
        }

        /// <summary>
        /// A hash of the length and of 64 bytes at most, eight per step: all of a short text; of a longer one the first 32
        /// bytes, 16 from the middle and the last 16 (notes of equal length differ early, in a count or a date; sources in
        /// the middle, in a region; ids at the end). Texts that differ only elsewhere share a slot, and the full
        /// comparison in <see cref="Get"/> tells them apart.
        /// </summary>
        private static int Hash(ReadOnlySpan<byte> text)
        {
            unchecked // (the project checks arithmetic; a hash wraps on purpose)
            {
                var hash = (ulong)text.Length * 0x9E3779B97F4A7C15UL;
                if (text.Length > 64)
                {
                    var middle = (text.Length / 2) - 8;
                    hash = Words(hash, text[..32]);
                    hash = Words(hash, text.Slice(middle, 16));
                    return Fold(Words(hash, text[^16..]));
                }
                var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(text);
                hash = Words(hash, text[..(words.Length * 8)]);
                foreach (var b in text[(words.Length * 8)..])
                {
                    hash = (hash ^ b) * 0x100000001B3UL;
                }
                return Fold(hash);
            }

            static ulong Words(ulong hash, ReadOnlySpan<byte> bytes)
            {
                unchecked
                {
                    foreach (var word in System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes))
                    {
                        hash = (hash ^ word) * 0x9E3779B97F4A7C15UL;
                        hash ^= hash >> 32;
                    }
                    return hash;
                }
            }

            static int Fold(ulong hash) => unchecked((int)(hash ^ (hash >> 29) ^ (hash >> 47)));
        }

        internal Provenance Provenance(string? source, string? asOfText, Confidence? confidence, string? note, List<string>? derivedFrom)
        {
            // The as-of must be an ISO date; anything else is left to the element walk, which reports it.
            // (The last text read is remembered: the cache above makes a repeated as-of the same string.)
            LocalDate? asOf = null;
            if (asOfText is not null)
            {
                if (!ReferenceEquals(asOfText, lastAsOfText))
                {
                    if (!CloudEconomics.Serialization.IsoDate.TryParse(asOfText, out var date))
                    {
                        throw new GiveUp();
                    }
                    lastAsOfText = asOfText;
                    lastAsOf = date;
                }
                asOf = lastAsOf;
            }
            // Provenances without inputs are shared through a direct-mapped cache keyed by the (already shared) source and
            // note strings, the as-of date and the confidence: a catalog repeats a few hundred of them over thousands of figures.
            var slot = 0;
            if (derivedFrom is null)
            {
                // (Plain arithmetic over a few characters: not HashCode.Combine over NodaTime's types, a generic the JIT compiles
                // in every new process, and not the objects' identity hashes, whose first use on each string is slow.)
                unchecked
                {
                    var hash = (Sample(source) * 31) + Sample(note);
                    hash = (hash * 31) + (asOfText is null ? 0 : lastAsOf.GetHashCode());
                    hash = (hash * 31) + (confidence is { } c ? (int)c + 1 : 0);
                    slot = (int)((uint)hash % (uint)provenances.Length);
                }
                if (provenances[slot] is { } p && ReferenceEquals(p.Source, source) && ReferenceEquals(p.Note, note) && p.AsOf == asOf && p.Confidence == confidence)
                {
                    return p;
                }
            }
            // Helper note for merges: the one place the fast reader builds a Provenance from its JSON fields.
            // An absent list is the shared empty array (the cast types the expression as the property), not a new List each time.
            var created = new Provenance { Source = source, AsOf = asOf, Confidence = confidence, Note = note, DerivedFrom = (IReadOnlyList<string>?)derivedFrom ?? [] };
            if (derivedFrom is null)
            {
                provenances[slot] = created;
            }
            return created;

            static int Sample(string? text) => text is null || text.Length == 0 ? 0 : unchecked((text.Length * 31) + (text[text.Length / 2] * 7) + text[^1]);
        }

        /// <summary>
        /// An hourly-price figure, shared with an earlier one of the same amount (and scale, so it writes back the same),
        /// currency and provenance: price lists repeat one price with one source across regions (the seeds' 673 offers have
        /// 336 distinct price figures), and figures are immutable.
        /// </summary>
        internal Figure<PricePerHour> Price(Money amount, Provenance provenance)
        {
            var slot = unchecked((int)((uint)(amount.Amount.GetHashCode() + (amount.Amount.Scale * 7)) % (uint)prices.Length));
            if (prices[slot] is { Value: { } cached } figure && ReferenceEquals(figure.Provenance, provenance)
                && cached.PerHour.Amount == amount.Amount && cached.PerHour.Amount.Scale == amount.Amount.Scale && cached.PerHour.Currency == amount.Currency)
            {
                return figure;
            }
            return prices[slot] = new Figure<PricePerHour>(new PricePerHour(amount), provenance);
        }
    }

    // The element walks' value readers (a JsonElement where a serializer DTO property would be): the value the serializer
    // gives for a JSON value of the expected kind, and a give-up for any other kind, which the serializer would refuse or
    // convert (and then word with its path).

    /// <summary>A string or null; gives up on other kinds.</summary>
    internal static string? ElementText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Null => null,
        _ => throw new GiveUp(),
    };

    /// <summary>A finite double or null; gives up on other kinds and on numbers outside double's range.</summary>
    internal static double? ElementNumber(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetDouble(out var d) && double.IsFinite(d) => d,
        JsonValueKind.Null => null,
        _ => throw new GiveUp(),
    };

    /// <summary>An int or null; gives up on other kinds and on numbers that are not 32-bit integers.</summary>
    internal static int? ElementInteger(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetInt32(out var i) => i,
        JsonValueKind.Null => null,
        _ => throw new GiveUp(),
    };

    /// <summary>A bool or null; gives up on other kinds.</summary>
    internal static bool? ElementBool(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new GiveUp(),
    };

    /// <summary>A list of strings (elements may be null) or null; gives up on other kinds.</summary>
    internal static List<string?>? ElementTexts(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new GiveUp();
        }
        var list = new List<string?>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            list.Add(ElementText(item));
        }
        return list;
    }

    /// <summary>A list of records read by <paramref name="read"/> (null elements kept as null) or null; gives up on other kinds.</summary>
    internal static List<T?>? ElementList<T>(JsonElement v, Func<JsonElement, T?> read) where T : class
    {
        if (v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new GiveUp();
        }
        var list = new List<T?>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.Null ? null : read(item));
        }
        return list;
    }

    /// <summary>The properties of an object, or null for JSON null; gives up on other kinds.</summary>
    internal static JsonElement.ObjectEnumerator? ElementObject(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => v.EnumerateObject(),
        JsonValueKind.Null => null,
        _ => throw new GiveUp(),
    };
}
