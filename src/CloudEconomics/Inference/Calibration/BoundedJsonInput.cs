using System.Globalization;
using System.Text.Json;
using CloudEconomics.Utility;

namespace CloudEconomics.Inference;

/// <summary>
/// The calibration files' use of the library's one bounded reader (<see cref="BoundedInput"/>): at most 16 MiB, text
/// only, nesting checked before any parse; a refusal becomes the caller's own load exception. A document that is not
/// well-formed JSON is left to the caller's parser, which reports it with its JSON path.
/// </summary>
internal static class BoundedJsonInput
{
    /// <summary>Deepest accepted nesting of objects and arrays.</summary>
    public const int MaxDepth = BoundedInput.MaxDepth;

    /// <summary>Reads the input under the size cap and checks its depth; returns the bytes.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name to put in the error.</param>
    /// <param name="fail">Builds the exception from "name: rule".</param>
    /// <returns>The bytes.</returns>
    public static byte[] Read(Stream stream, string sourceName, Func<string, Exception> fail)
    {
        try
        {
            var bytes = BoundedInput.ReadBytes(stream, sourceName);
            try
            {
                BoundedInput.CheckJson(bytes, sourceName);
            }
            catch (JsonException)
            {
                // Malformed JSON: the caller's parser reports it with its position.
            }
            return bytes;
        }
        catch (BoundedInputException e)
        {
            string rule = e.Limit switch
            {
                InputLimit.TooLarge => string.Create(CultureInfo.InvariantCulture, $"the file must be at most {BoundedInput.MaxDocumentBytes / (1024 * 1024)} MiB ({BoundedInput.MaxDocumentBytes:#,0} bytes); it is larger."),
                InputLimit.TooDeep => string.Create(CultureInfo.InvariantCulture, $"JSON nesting must be at most {MaxDepth} levels deep; it is deeper."),
                _ => e.Rule,
            };
            throw fail($"{sourceName}: {rule}");
        }
    }
}
