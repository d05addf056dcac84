using CloudEconomics.Tests.Helpers;

namespace CloudEconomics.Tests.Finance;

/// <summary>Locates files under tests/CloudEconomics.Finance.Tests/Reference from the test binaries (no copy step needed).</summary>
internal static class ReferenceFiles
{
    internal static string Path(string name) => RepositoryPaths.Of(System.IO.Path.Combine("tests", "CloudEconomics.Finance.Tests", "Reference", name));
}
