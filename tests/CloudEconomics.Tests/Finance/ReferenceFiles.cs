namespace CloudEconomics.Tests.Finance;

/// <summary>Locates files under tests/CloudEconomics.Tests/Reference from the test binaries (no copy step needed).</summary>
internal static class ReferenceFiles
{
    internal static string TestProjectDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CloudEconomics.Tests.csproj")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"Cannot find CloudEconomics.Tests.csproj above {AppContext.BaseDirectory}.");
    }

    internal static string Path(string name) => System.IO.Path.Combine(TestProjectDirectory(), "Reference", name);
}
