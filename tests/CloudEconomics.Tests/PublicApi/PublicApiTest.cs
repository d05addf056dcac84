using PublicApiGenerator;

namespace CloudEconomics.Tests.PublicApi;

/// <summary>
/// Approval test of the public API: every change to it is a visible diff of
/// <c>CloudEconomics.approved.txt</c>. When the change is intended, regenerate with
/// <c>ACCEPT_PUBLIC_API=1 dotnet test -- --filter-class "*PublicApiTest"</c> and commit the file.
/// </summary>
public class PublicApiTest
{
    [Fact]
    public void PublicApi_MatchesApprovedFile()
    {
        var api = typeof(Money).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");
        var directory = Path.Combine(CloudEconomics.Tests.Helpers.RepositoryPaths.Root, "tests", "CloudEconomics.Tests", "PublicApi");
        var approvedPath = Path.Combine(directory, "CloudEconomics.approved.txt");
        var receivedPath = Path.Combine(directory, "CloudEconomics.received.txt");
        if (Environment.GetEnvironmentVariable("ACCEPT_PUBLIC_API") == "1")
        {
            File.WriteAllText(approvedPath, api);
        }
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (approved != api)
        {
            File.WriteAllText(receivedPath, api);
        }
        api.Should().Be(approved, $"the public API changed: compare {receivedPath} with the approved file and, if intended, regenerate it with ACCEPT_PUBLIC_API=1");
    }

}
