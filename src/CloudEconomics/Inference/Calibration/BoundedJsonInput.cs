using System.Text.Json;
using CloudEconomics.Utility;

namespace CloudEconomics.Inference;

/// <summary>
/// The calibration files' use of the library's one bounded reader (<see cref="BoundedInput"/>): at most 16 MiB, text
/// only, nesting checked before any parse; a refusal is a <see cref="DataLoadException"/>. A document that is not
/// well-formed JSON is left to the caller's parser, which reports it with its JSON path.
/// </summary>
internal static class BoundedJsonInput
{
    /// <summary>Deepest accepted nesting of objects and arrays.</summary>
    public const int MaxDepth = BoundedInput.MaxDepth;

    /// <summary>Reads the input under the size cap and checks its depth; returns the bytes.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name to put in the error.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="DataLoadException">The input is too large, not text, or nested too deeply.</exception>
    public static byte[] Read(Stream stream, string sourceName)
    {
        var bytes = BoundedInput.ReadBytes(stream, sourceName);
        Check(bytes, sourceName);
        return bytes;
    }

    /// <summary>
    /// The depth and text check of <see cref="Read"/> alone, for a loader that first tries an element walk with the same
    /// depth limit and needs the check only before handing the bytes to the serializer.
    /// </summary>
    /// <param name="bytes">The document.</param>
    /// <param name="sourceName">The name for messages.</param>
    /// <exception cref="DataLoadException">Too deep, or not UTF-8 text.</exception>
    public static void Check(byte[] bytes, string sourceName)
    {
        try
        {
            BoundedInput.CheckJson(bytes, sourceName);
        }
        catch (JsonException)
        {
            // Malformed JSON: the caller's parser reports it with its position.
        }
    }
}
