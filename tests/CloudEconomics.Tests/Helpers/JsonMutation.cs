using System.Text.Json.Nodes;

namespace CloudEconomics.Tests.Helpers;

/// <summary>The seeded document mutations of the fast-reader tests (each reader against the serializer or walk it stands in for).</summary>
internal static class JsonMutation
{
    /// <summary>
    /// Applies one mutation at a random slot of <paramref name="node"/>: draws a number below <paramref name="kinds"/>;
    /// 0 removes the property, 1 renames it with <paramref name="rename"/>, 2 adds <c>"unexpected": 1</c> beside it, any
    /// other number (or 0 to 2 at an array element) replaces the value with one of <paramref name="replacements"/>.
    /// </summary>
    internal static void Apply(JsonNode node, Random random, IReadOnlyList<JsonNode?> replacements, Func<string, string> rename, int kinds)
    {
        var slots = JsonSlots.All(node).ToList();
        var (parent, key) = slots[random.Next(slots.Count)];
        switch (random.Next(kinds))
        {
            case 0 when parent is JsonObject o:
                o.Remove((string)key);
                break;
            case 1 when parent is JsonObject o:
                var value = o[(string)key]?.DeepClone();
                o.Remove((string)key);
                o[rename((string)key)] = value;
                break;
            case 2 when parent is JsonObject o:
                o["unexpected"] = 1;
                break;
            default:
                var replacement = replacements[random.Next(replacements.Count)]?.DeepClone();
                if (parent is JsonObject o2)
                {
                    o2[(string)key] = replacement;
                }
                else
                {
                    ((JsonArray)parent)[(int)key] = replacement;
                }
                break;
        }
    }

    /// <summary>The name with its first letter upper-cased (a case the exact-name readers refuse).</summary>
    internal static string FirstUpper(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
