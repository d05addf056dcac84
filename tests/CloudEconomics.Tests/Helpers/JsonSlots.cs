using System.Text.Json.Nodes;

namespace CloudEconomics.Tests.Helpers;

/// <summary>Walks a JSON tree for the fuzz and mutation tests.</summary>
internal static class JsonSlots
{
    /// <summary>
    /// Every slot of the tree in document order, parent before its descendants: each object property as (object, name)
    /// and each array element as (array, index), so a test can replace or remove the value there.
    /// </summary>
    internal static IEnumerable<(JsonNode Parent, object Key)> All(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    yield return (o, name);
                    if (child is not null)
                    {
                        foreach (var slot in All(child))
                        {
                            yield return slot;
                        }
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, i);
                    if (a[i] is { } child)
                    {
                        foreach (var slot in All(child))
                        {
                            yield return slot;
                        }
                    }
                }
                break;
        }
    }
}
