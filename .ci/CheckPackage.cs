// Checks a CloudEconomics .nupkg: both target frameworks with XML docs, README, no analyzers, exact dependency list,
// and the net10.0 assembly precompiled ReadyToRun (src/CloudEconomics/CloudEconomics.csproj, build/ReadyToRun.targets).
// Run: dotnet run --file .ci/CheckPackage.cs -- path/to/CloudEconomics.x.y.z.nupkg
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: CheckPackage.cs PACKAGE.nupkg");
    return 2;
}
var problems = new List<string>();
using var zip = ZipFile.OpenRead(args[0]);
var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
foreach (var tfm in new[] { "net8.0", "net10.0" })
{
    if (!names.Contains($"lib/{tfm}/CloudEconomics.dll")) problems.Add($"lib/{tfm}/CloudEconomics.dll is missing");
    if (!names.Contains($"lib/{tfm}/CloudEconomics.xml")) problems.Add($"lib/{tfm}/CloudEconomics.xml (XML docs) is missing");
}
if (names.Contains("lib/net10.0/CloudEconomics.dll"))
{
    // A ReadyToRun image has a managed native header (the precompiled code's directory) in its CLI header.
    using var image = new MemoryStream();
    using (var entry = zip.GetEntry("lib/net10.0/CloudEconomics.dll")!.Open())
    {
        entry.CopyTo(image);
    }
    image.Position = 0;
    using var pe = new PEReader(image);
    if (pe.PEHeaders.CorHeader is not { ManagedNativeHeaderDirectory.Size: > 0 }) problems.Add("lib/net10.0/CloudEconomics.dll is not precompiled (ReadyToRun)");
}
if (!names.Contains("README.md")) problems.Add("README.md is missing");
if (names.Any(n => n.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase))) problems.Add("the package ships an analyzers/ folder");
var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
using var stream = nuspecEntry.Open();
var nuspec = XDocument.Load(stream);
XNamespace ns = nuspec.Root!.Name.Namespace;
var metadata = nuspec.Root.Element(ns + "metadata")!;
if (metadata.Element(ns + "license")?.Value != "MIT") problems.Add("license expression is not MIT");
if (metadata.Element(ns + "readme")?.Value != "README.md") problems.Add("readme is not README.md");
var expected = new[] { "FluentValidation", "NodaTime", "NodaTime.Serialization.SystemTextJson", "UnitsNet" };
foreach (var group in metadata.Descendants(ns + "group"))
{
    var ids = group.Elements(ns + "dependency").Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal).ToArray();
    if (!ids.SequenceEqual(expected)) problems.Add($"dependencies for {(string?)group.Attribute("targetFramework")} are [{string.Join(", ", ids)}], expected [{string.Join(", ", expected)}]");
}
foreach (var p in problems) Console.Error.WriteLine("package check: " + p);
Console.WriteLine(problems.Count == 0 ? $"package check: {Path.GetFileName(args[0])} OK ({names.Count} files)" : $"package check: {problems.Count} problem(s)");
return problems.Count == 0 ? 0 : 1;
