namespace CloudEconomics.Tests.Architecture;

/// <summary>
/// The layers of ARCHITECTURE.md, read from the compiled assembly: a namespace may use its own module and modules of
/// lower rank, never one of the same or a higher rank. A module is a namespace and its sub-namespaces.
/// </summary>
public class LayeringTest
{
    /// <summary>
    /// Namespace -> rank, lowest first; the order of ARCHITECTURE.md's picture, read bottom-up. The vocabulary's three
    /// namespaces are one module (the root types, their JSON converters and the internal argument checks).
    /// </summary>
    internal static readonly (string Module, int Rank, string Layer)[] Modules =
    [
        ("CloudEconomics", 0, "vocabulary"),
        ("CloudEconomics.Serialization", 0, "vocabulary"),
        ("CloudEconomics.Utility", 0, "vocabulary"),
        ("CloudEconomics.Finance", 1, "maths"),
        ("CloudEconomics.Analysis", 2, "analysis"),
        ("CloudEconomics.Charts", 2, "analysis"),
        ("CloudEconomics.Catalog", 3, "data"),
        ("CloudEconomics.Data", 3, "data"),
        ("CloudEconomics.Power", 4, "domain"),
        ("CloudEconomics.Capital", 4, "domain"),
        ("CloudEconomics.Inference", 5, "domain"),
        ("CloudEconomics.Ownership", 6, "domain"),
        ("CloudEconomics.Reports", 7, "reports"),
    ];

    /// <summary>
    /// The composition root of JSON: <c>CloudEconomicsJson.ConfigureForCloudEconomics</c> registers every converter of
    /// the package, whatever its layer (DESIGN.md fixes it in the root namespace).
    /// </summary>
    private static readonly HashSet<string> CompositionRoots = ["CloudEconomics.CloudEconomicsJson"];

    internal static (string Module, int Rank, string Layer)? ModuleOf(string? ns)
    {
        if (string.IsNullOrEmpty(ns))
        {
            return null;
        }
        return Modules.Where(m => ns == m.Module || ns.StartsWith(m.Module + ".", StringComparison.Ordinal))
            .OrderByDescending(m => m.Module.Length)
            .Select(m => ((string, int, string)?)m)
            .FirstOrDefault();
    }

    [Fact]
    public void EveryNamespace_HasALayer()
    {
        var assembly = typeof(Money).Assembly;
        var unmapped = assembly.GetTypes().Select(t => t.Namespace).Where(n => !string.IsNullOrEmpty(n) && ModuleOf(n) is null).Distinct().ToList();
        unmapped.Should().BeEmpty("every namespace must be placed in a layer of ARCHITECTURE.md (and of this test)");
    }

    [Fact]
    public void NoNamespace_UsesOneAboveOrBesideIt()
    {
        var assembly = typeof(Money).Assembly;
        var violations = new SortedSet<string>();
        foreach (var (type, used) in TypeReferences.Of(assembly))
        {
            var root = type;
            while (root.DeclaringType is { } outer)
            {
                root = outer;
            }
            if (CompositionRoots.Contains(root.FullName!) || ModuleOf(type.Namespace) is not { } from)
            {
                continue;
            }
            foreach (var u in used.Where(u => u.Assembly == assembly))
            {
                if (ModuleOf(u.Namespace) is not { } to || to.Module == from.Module || to.Rank < from.Rank || (to.Rank == 0 && from.Rank == 0))
                {
                    continue;
                }
                violations.Add($"{root.FullName} ({from.Layer}, {from.Module}) uses {u.FullName} ({to.Layer}, {to.Module})");
            }
        }
        violations.Should().BeEmpty("a namespace may only use its own module and lower layers (ARCHITECTURE.md)");
    }

    // The reader itself must see a known upward reference, or the test above could pass by reading nothing: Ownership's
    // ClusterTco uses Power's Facility (through OwnedCluster) and Finance's LoanSchedule in its method bodies.
    [Fact]
    public void TypeReferences_SeesSignatureAndBodyReferences()
    {
        var refs = TypeReferences.Of(typeof(Money).Assembly);
        refs[typeof(CloudEconomics.Ownership.ClusterTco)].Should().Contain(typeof(CloudEconomics.Finance.LoanSchedule));
        refs[typeof(CloudEconomics.Ownership.OwnedCluster)].Should().Contain(typeof(CloudEconomics.Power.Facility));
    }
}
