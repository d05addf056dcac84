using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace CloudEconomics.Utility;

/// <summary>Which limit an input broke (see <see cref="BoundedInput"/>).</summary>
internal enum InputLimit
{
    /// <summary>More bytes than the size limit.</summary>
    TooLarge,

    /// <summary>Not text: a NUL byte, or bytes that are not UTF-8.</summary>
    Binary,

    /// <summary>JSON nested deeper than the depth limit.</summary>
    TooDeep,

    /// <summary>More lines than the line limit.</summary>
    TooManyLines,

    /// <summary>A line longer than the line-length limit.</summary>
    LineTooLong,
}

/// <summary>
/// The one way every loader of the library and the CLI reads a file or stream: at most a given number of bytes (counted
/// while reading, so non-seekable streams such as pipes and <c>/dev/zero</c> are refused as soon as they pass the
/// limit), text only (a NUL byte or invalid UTF-8 is refused at once), JSON checked for depth by a streaming pass
/// before any parse, CSV lines capped in number and length. Every refusal is a <see cref="DataLoadException"/>
/// (the library's one load exception) with one problem naming the input, path <c>$</c>, the limit as its rule code
/// (<see cref="InputLimit"/>) and a sentence. Time and memory stay bounded by the limits.
/// </summary>
internal static class BoundedInput
{
    /// <summary>The largest JSON document read (scenario, cluster, models, power data, measurements): 16 MiB.</summary>
    internal const long MaxDocumentBytes = 16L * 1024 * 1024;

    /// <summary>The deepest JSON nesting read: 64 levels (the catalog keeps its own 32).</summary>
    internal const int MaxDepth = 64;

    /// <summary>The largest CSV file read: 16 MiB.</summary>
    internal const long MaxCsvBytes = 16L * 1024 * 1024;

    /// <summary>The most lines read from a CSV file: 1,000,000.</summary>
    internal const int MaxCsvLines = 1_000_000;

    /// <summary>The longest CSV line read: 4,096 characters.</summary>
    internal const int MaxLineLength = 4096;

    private const int ChunkSize = 64 * 1024;

    /// <summary>Reads a whole stream as UTF-8 text bytes: at most <paramref name="maxBytes"/>, no NUL byte.</summary>
    /// <param name="stream">The stream, seekable or not; read from its position, not closed.</param>
    /// <param name="name">The input's name for messages.</param>
    /// <param name="maxBytes">The size limit in bytes.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="DataLoadException">The stream is larger than the limit or holds a NUL byte.</exception>
    internal static byte[] ReadBytes(Stream stream, string name, long maxBytes = MaxDocumentBytes)
    {
        // One reading loop: the pooled reader, then one copy of exactly the bytes read.
        var rented = ReadPooled(stream, name, maxBytes, out var length);
        try
        {
            return rented.AsSpan(0, length).ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Reads a whole stream as UTF-8 text bytes into an array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>
    /// (return it when done): at most <paramref name="maxBytes"/>, no NUL byte, without growing copies or a final copy
    /// (which for a document above 85 KB land on the large-object heap). <see cref="ReadBytes"/> is this plus one copy.
    /// </summary>
    /// <param name="stream">The stream, seekable or not; read from its position, not closed.</param>
    /// <param name="name">The input's name for messages.</param>
    /// <param name="maxBytes">The size limit in bytes.</param>
    /// <param name="length">The number of bytes read into the returned array.</param>
    /// <returns>The rented array holding the bytes in its first <paramref name="length"/> elements.</returns>
    /// <exception cref="DataLoadException">The stream is larger than the limit or holds a NUL byte.</exception>
    internal static byte[] ReadPooled(Stream stream, string name, long maxBytes, out int length)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var initial = ChunkSize;
        if (stream.CanSeek)
        {
            long remaining;
            try
            {
                remaining = stream.Length - stream.Position;
            }
            catch (NotSupportedException)
            {
                remaining = 0;
            }
            if (remaining > maxBytes)
            {
                throw TooLarge(name, maxBytes, remaining);
            }
            initial = (int)Math.Max(remaining + 1, 16);
        }
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        var buffer = pool.Rent(initial);
        length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = pool.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
                // At most a chunk per read (64 KiB), whatever room the rented array has.
                var read = stream.Read(buffer, length, Math.Min(ChunkSize, buffer.Length - length));
                if (read <= 0)
                {
                    return buffer;
                }
                if (length + read > maxBytes)
                {
                    throw TooLarge(name, maxBytes, length + read);
                }
                var nul = buffer.AsSpan(length, read).IndexOf((byte)0);
                if (nul >= 0)
                {
                    throw Refused(name, InputLimit.Binary,
                        string.Create(CultureInfo.InvariantCulture, $"is not a text file (a NUL byte at offset {length + nul}); expected UTF-8 text."));
                }
                length += read;
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
    }

    /// <summary>Reads a file (any kind: regular, pipe, device) with <see cref="ReadBytes"/>.</summary>
    /// <param name="path">The path.</param>
    /// <param name="maxBytes">The size limit in bytes.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="DataLoadException">The file is larger than the limit or is not text.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    internal static byte[] ReadFile(string path, long maxBytes = MaxDocumentBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return ReadBytes(stream, path, maxBytes);
    }

    /// <summary>Reads a JSON document: <see cref="ReadBytes"/>, then <see cref="CheckJson"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="name">The input's name for messages.</param>
    /// <param name="maxBytes">The size limit in bytes.</param>
    /// <param name="maxDepth">The depth limit.</param>
    /// <returns>The bytes, checked.</returns>
    /// <exception cref="DataLoadException">A limit is broken.</exception>
    /// <exception cref="JsonException">The document is not well-formed JSON.</exception>
    internal static byte[] ReadJson(Stream stream, string name, long maxBytes = MaxDocumentBytes, int maxDepth = MaxDepth)
    {
        var bytes = ReadBytes(stream, name, maxBytes);
        CheckJson(bytes, name, maxDepth);
        return bytes;
    }

    /// <summary>
    /// A streaming pass over a JSON document (comments allowed) refusing nesting deeper than <paramref name="maxDepth"/>
    /// and bytes that are not UTF-8, before anything builds a tree of it.
    /// </summary>
    /// <param name="utf8">The document.</param>
    /// <param name="name">The input's name for messages.</param>
    /// <param name="maxDepth">The depth limit.</param>
    /// <exception cref="DataLoadException">The document nests too deeply or is not UTF-8.</exception>
    /// <exception cref="JsonException">The document is not well-formed JSON.</exception>
    internal static void CheckJson(ReadOnlySpan<byte> utf8, string name, int maxDepth = MaxDepth)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw Refused(name, InputLimit.Binary, "is not UTF-8 text; a JSON document must be UTF-8.");
        }
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1, CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            if (reader.CurrentDepth >= maxDepth && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                throw Refused(name, InputLimit.TooDeep,
                    string.Create(CultureInfo.InvariantCulture, $"nests JSON deeper than the limit of {maxDepth} levels (at byte {reader.TokenStartIndex})."));
            }
        }
    }

    /// <summary>Reads the lines of a text file (a CSV): at most <paramref name="maxBytes"/>, <paramref name="maxLines"/> lines of at most <paramref name="maxLineLength"/> characters.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="name">The input's name for messages.</param>
    /// <param name="maxBytes">The size limit in bytes.</param>
    /// <param name="maxLines">The line limit.</param>
    /// <param name="maxLineLength">The line-length limit in characters.</param>
    /// <returns>The lines, without line ends.</returns>
    /// <exception cref="DataLoadException">A limit is broken, or the file is not UTF-8 text.</exception>
    internal static IReadOnlyList<string> ReadLines(Stream stream, string name, long maxBytes = MaxCsvBytes, int maxLines = MaxCsvLines, int maxLineLength = MaxLineLength)
    {
        var bytes = ReadBytes(stream, name, maxBytes);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Refused(name, InputLimit.Binary, "is not UTF-8 text.");
        }
        var lines = new List<string>();
        using var reader = new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text);
        while (reader.ReadLine() is { } line)
        {
            if (lines.Count == maxLines)
            {
                throw Refused(name, InputLimit.TooManyLines,
                    string.Create(CultureInfo.InvariantCulture, $"has more lines than the limit of {maxLines:N0}."));
            }
            if (line.Length > maxLineLength)
            {
                throw Refused(name, InputLimit.LineTooLong,
                    string.Create(CultureInfo.InvariantCulture, $"has a line (line {lines.Count + 1}) longer than the limit of {maxLineLength:N0} characters."));
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Opens a file and reads its lines with <see cref="ReadLines(Stream, string, long, int, int)"/>.</summary>
    /// <param name="path">The path.</param>
    /// <param name="name">The name for messages.</param>
    /// <returns>The lines.</returns>
    internal static IReadOnlyList<string> ReadFileLines(string path, string name)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return ReadLines(stream, name);
    }

    /// <summary>The refusal: one problem at <c>$</c> whose rule code is the limit and whose message is "The document " + <paramref name="predicate"/>.</summary>
    internal static DataLoadException Refused(string name, InputLimit limit, string predicate)
        => new(name, "$", "The document " + predicate, rule: RuleCode(limit));

    /// <summary>The rule code of a refusal: <c>DocumentTooLarge</c>, <c>DocumentTooDeep</c>, <c>NotText</c>, <c>TooManyLines</c> or <c>LineTooLong</c>.</summary>
    internal static string RuleCode(InputLimit limit) => limit switch
    {
        InputLimit.TooLarge => "DocumentTooLarge",
        InputLimit.TooDeep => "DocumentTooDeep",
        InputLimit.Binary => "NotText",
        _ => limit.ToString(),
    };

    private static DataLoadException TooLarge(string name, long maxBytes, long atLeast) => Refused(name, InputLimit.TooLarge,
        string.Create(CultureInfo.InvariantCulture, $"is larger than the limit of {maxBytes:N0} bytes ({Describe(maxBytes)}); it has at least {atLeast:N0}."));

    private static string Describe(long bytes) => bytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
}
