namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Sample sizes of the random tests. Under mutation testing (<c>tools/mutation.sh</c> sets
/// CLOUDECONOMICS_MUTATION_RUN=1) every mutant reruns the tests that reach it in Stryker's instrumented build, which is
/// about 20 times slower than the plain one; the random tests then draw a twentieth of their cases (same seeds, so a
/// prefix of the same cases) and keep every assertion. Plain test runs and CI use the full sizes.
/// </summary>
internal static class MutationRun
{
    /// <summary>True when the tests run under Stryker.NET through tools/mutation.sh.</summary>
    internal static bool IsOn { get; } = Environment.GetEnvironmentVariable("CLOUDECONOMICS_MUTATION_RUN") == "1";

    /// <summary><paramref name="full"/> normally; a twentieth of it (at least <paramref name="minimum"/>) under mutation.</summary>
    internal static int Cases(int full, int minimum = 12) => IsOn ? Math.Max(minimum, full / 20) : full;
}
