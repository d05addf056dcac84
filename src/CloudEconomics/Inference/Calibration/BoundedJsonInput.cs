using System.Globalization;

namespace CloudEconomics.Inference;

/// <summary>
/// Reads a JSON input under a size cap and checks its nesting depth before any parsing, so a hostile or runaway file
/// fails fast with one error naming the file and the limit. Kept small and separate so it can be replaced by a
/// shared loader guard.
/// </summary>
internal static class BoundedJsonInput
{
    /// <summary>Largest accepted input, bytes (16 MiB).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Deepest accepted nesting of objects and arrays.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads at most <see cref="MaxBytes"/> bytes and checks the depth; returns the bytes.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name to put in the error.</param>
    /// <param name="fail">Builds the exception from a rule.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Read(Stream stream, string sourceName, Func<string, Exception> fail)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw fail(string.Create(CultureInfo.InvariantCulture, $"{sourceName}: the file must be at most {MaxBytes / (1024 * 1024)} MiB ({MaxBytes:#,0} bytes); it is larger."));
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        int depth = 0;
        bool inString = false, escaped = false;
        foreach (byte b in bytes)
        {
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
                continue;
            }
            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    if (++depth > MaxDepth)
                    {
                        throw fail(string.Create(CultureInfo.InvariantCulture, $"{sourceName}: JSON nesting must be at most {MaxDepth} levels deep; it is deeper."));
                    }
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    break;
            }
        }
        return bytes;
    }
}
