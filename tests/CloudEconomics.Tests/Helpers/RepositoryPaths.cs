namespace CloudEconomics.Tests.Helpers;

/// <summary>
/// Finds repository files from the test binaries. Never from [CallerFilePath]: under CI=true the build is
/// deterministic (ContinuousIntegrationBuild) and source paths are mapped to "/_/".
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootDirectory = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CloudEconomics.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("CloudEconomics.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding CloudEconomics.sln).</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>A path relative to the repository root, such as "seeds/catalog/catalog.schema.json".</summary>
    public static string Of(string relative) => Path.Combine(Root, relative);

    /// <summary>A file copied from ../shared/reference into tests/CloudEconomics.Tests/Reference.</summary>
    public static string Reference(string name) => Path.Combine(Root, "tests", "CloudEconomics.Tests", "Reference", name);
}
