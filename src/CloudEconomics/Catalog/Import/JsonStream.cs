using System.Text.Json;

namespace CloudEconomics.Catalog.Import;

/// <summary>
/// A forward-only JSON reader over a stream with a buffer that holds at most one value being parsed: the tokens of a
/// large container are walked one by one, and only the values asked for are parsed into a <see cref="JsonDocument"/>.
/// Memory is bounded by the largest single value read (<see cref="MaxValueBytes"/>), not by the document.
/// </summary>
internal sealed class JsonStream
{
    /// <summary>The largest single value (one product, one item) parsed: 16 MiB.</summary>
    internal const int MaxValueBytes = 16 * 1024 * 1024;

    private readonly Stream stream;
    private readonly string name;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool final;
    private JsonReaderState state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });

    internal JsonStream(Stream stream, string name)
    {
        this.stream = stream;
        this.name = name;
    }

    internal JsonTokenType Token { get; private set; }

    internal int Depth { get; private set; }

    internal string? Text { get; private set; }

    /// <summary>The next token; false at the end of the document.</summary>
    internal bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            try
            {
                if (reader.Read())
                {
                    Token = reader.TokenType;
                    Depth = reader.CurrentDepth;
                    Text = Token is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                    Commit(ref reader);
                    return true;
                }
            }
            catch (JsonException e)
            {
                throw Malformed(e);
            }
            if (final)
            {
                return false;
            }
            Fill();
        }
    }

    /// <summary>Parses the next value (after a property name, or the next element of an array); null when the container ends instead.</summary>
    internal JsonDocument? ReadValue()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            try
            {
                if (reader.Read())
                {
                    if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                    {
                        Token = reader.TokenType;
                        Depth = reader.CurrentDepth;
                        Commit(ref reader);
                        return null;
                    }
                    if (JsonDocument.TryParseValue(ref reader, out var document))
                    {
                        Commit(ref reader);
                        return document;
                    }
                }
            }
            catch (JsonException e)
            {
                throw Malformed(e);
            }
            if (final)
            {
                throw new FormatException($"{name}: the JSON document ends inside a value.");
            }
            Fill();
        }
    }

    /// <summary>Skips the next value (after a property name).</summary>
    internal void Skip()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            try
            {
                if (reader.Read() && reader.TrySkip())
                {
                    Commit(ref reader);
                    return;
                }
            }
            catch (JsonException e)
            {
                throw Malformed(e);
            }
            if (final)
            {
                throw new FormatException($"{name}: the JSON document ends inside a value.");
            }
            Fill();
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        start += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }

    private FormatException Malformed(JsonException e) => new($"{name}: malformed JSON: {e.Message}", e);

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxValueBytes)
            {
                throw new FormatException($"{name}: a single JSON value exceeds {MaxValueBytes} bytes; this is not a price file this importer reads.");
            }
            Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxValueBytes));
        }
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            final = true;
        }
        end += read;
    }
}
