namespace CloudEconomics.Tests.Architecture;

/// <summary>
/// One name per public type (issue 13): read from the compiled assembly, no two exported types share a simple name,
/// whatever their namespaces, so that importing any two namespaces together never gives a CS0104 ambiguity.
/// </summary>
/// <remarks>
/// Generic arity is part of the name, as in C#: a non-generic static class of factory methods beside the generic type
/// it builds (<c>Figure</c> and <c>Figure&lt;T&gt;</c>, like the BCL's <c>Tuple</c> and <c>Tuple&lt;T1&gt;</c>) is one
/// idea, and the test allows exactly that pairing; any other repeated name fails.
/// </remarks>
public class PublicTypeNamesTest
{
    [Fact]
    public void NoTwoPublicTypes_ShareASimpleName()
    {
        var duplicates = Duplicates(typeof(Money).Assembly.GetExportedTypes());
        duplicates.Should().BeEmpty("every public type name must be defined once (ignoring namespaces); rename one of each pair");
    }

    [Fact]
    public void Check_FindsADuplicatedName()
    {
        // The check itself must be able to fail: two types named DepreciationSchedule in different namespaces (as Finance
        // and Capital had before issue 13) are reported, and a static factory class beside its generic type is not.
        var found = Duplicates([typeof(CloudEconomics.Finance.DepreciationSchedule), typeof(DepreciationSchedule), typeof(Pair), typeof(Pair<>)]);
        found.Should().ContainSingle().Which.Should().StartWith("DepreciationSchedule:");
    }

    private static List<string> Duplicates(IEnumerable<Type> types)
        => types
            .GroupBy(t => SimpleName(t), StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && !IsFactoryCompanion(g.ToList()))
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}")
            .ToList();

    private static string SimpleName(Type t)
    {
        int tick = t.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? t.Name : t.Name[..tick];
    }

    // Exactly one non-generic static class and one generic type of the same name in the same namespace.
    private static bool IsFactoryCompanion(List<Type> group)
        => group.Count == 2
           && group.Count(t => t.IsAbstract && t.IsSealed && !t.IsGenericTypeDefinition) == 1
           && group.Count(t => t.IsGenericTypeDefinition) == 1
           && group[0].Namespace == group[1].Namespace;

    /// <summary>A second type of that name, for the check's own test.</summary>
    public sealed class DepreciationSchedule;

    /// <summary>A static factory class.</summary>
    public static class Pair;

    /// <summary>Its generic type.</summary>
    /// <typeparam name="T">Anything.</typeparam>
    public sealed class Pair<T>;
}

