using System.Text;
using CloudEconomics.Catalog;

namespace CloudEconomics.Tests.Catalog;

public partial class CloudCatalogTest
{
    private const string Figure = "\"source\": \"test\", \"asOf\": \"2026-01-01\", \"confidence\": \"vendor\"";

    private static string Offer(string id, string instance, string amount, string currency = "USD", string? from = null, string? to = null, bool source = true)
        => $$"""
           { "id": "{{id}}", "instanceId": "{{instance}}", "region": "r1", "option": { "kind": "onDemand" },
             "hourlyPrice": { "amount": {{amount}}, "currency": "{{currency}}", "per": "h"{{(source ? ", " + Figure : "")}} }
             {{(from is null ? "" : $", \"validFrom\": \"{from}\"")}}{{(to is null ? "" : $", \"validTo\": \"{to}\"")}} }
           """;

    private static string Document(string offers, string extraInstances = "") => $$"""
        {
          "formatVersion": 1,
          "providers": [ { "id": "acme", "name": "Acme Cloud" } ],
          "accelerators": [ { "id": "acme-x1", "name": "Acme X1", "vendor": "Acme", "family": "X", "generation": "1", "kind": "asic",
                              "peakDense": { "bf16": { "value": 500, "unit": "TFLOPS", {{Figure}} } } } ],
          "instances": [ { "id": "acme-x1.large", "provider": "acme", "name": "x1.large", "acceleratorId": "acme-x1",
                           "acceleratorCount": { "value": 8, {{Figure}} } } {{extraInstances}} ],
          "offers": [ {{offers}} ]
        }
        """;

    private static CloudCatalog LoadText(string json, string name = "user.json") => CloudCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), name);

    [Fact]
    public void Load_ValidDocument()
    {
        var catalog = LoadText(Document(Offer("o1", "acme-x1.large", "10.5")));
        catalog.GetInstance("x1.large").Accelerator!.Name.Should().Be("Acme X1");
        catalog.Offers.Single().Price.Should().Be(PricePerHour.Usd(10.5m));
    }

    [Fact]
    public void Load_ListsEveryProblem_WithFilePathIdAndRule()
    {
        // One file breaking every documented rule once.
        var offers = string.Join(",",
            Offer("zero", "acme-x1.large", "0"),                                              // NotPositive
            Offer("negative", "acme-x1.large", "-5", from: "2020-01-01", to: "2020-01-31"),   // negative price (rejected by PricePerHour)
            Offer("nan", "acme-x1.large", "\"NaN\""),                                         // not a number
            Offer("xyz", "acme-x1.large", "1", currency: "XYZ"),                              // unknown currency
            Offer("backwards", "acme-x1.large", "1", from: "2025-06-23", to: "2025-06-01"),   // validTo before validFrom
            Offer("nosource", "acme-x1.large", "1", source: false),                            // missing source
            Offer("a", "acme-x1.large", "2", from: "2024-01-01"),                              // overlaps b
            Offer("b", "acme-x1.large", "3", from: "2024-06-01", to: "2024-12-31"),
            Offer("b", "acme-x1.large", "4", from: "2019-01-01", to: "2019-12-31"),            // duplicate id
            Offer("orphan", "acme-nope", "1"));                                                // unknown instance
        var unknownAccelerator = $$""", { "id": "bad.large", "provider": "acme", "name": "bad.large", "acceleratorId": "acme-zz", "acceleratorCount": { "value": 1, {{Figure}} } }""";
        var act = () => LoadText(Document(offers, unknownAccelerator), "negotiated.json");
        var problems = act.Should().Throw<DataLoadException>().Which.Problems;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, problems));

        problems.Should().OnlyContain(p => p.File == "negotiated.json");
        problems.Should().ContainSingle(p => p.RecordId == "zero" && p.Rule == "NotPositive" && p.Path == "$.offers[0].hourlyPrice");
        problems.Should().ContainSingle(p => p.RecordId == "negative" && p.Rule == "InvalidJson" && p.Path.StartsWith("$.offers[1].hourlyPrice") && p.Message.Contains("must not be negative"));
        problems.Should().ContainSingle(p => p.RecordId == "nan" && p.Rule == "InvalidJson" && p.Path.StartsWith("$.offers[2].hourlyPrice"));
        problems.Should().ContainSingle(p => p.RecordId == "xyz" && p.Rule == "InvalidJson" && p.Message.Contains("'XYZ' is not a known ISO 4217 currency"));
        problems.Should().ContainSingle(p => p.RecordId == "backwards" && p.Rule == "ValidToBeforeValidFrom" && p.Path == "$.offers[4].validTo");
        problems.Should().ContainSingle(p => p.RecordId == "nosource" && p.Rule == "MissingSource" && p.Path == "$.offers[5].hourlyPrice.source");
        problems.Should().ContainSingle(p => p.RecordId == "b" && p.Rule == "OverlappingOffers" && p.Message.Contains("'a'"));
        problems.Should().ContainSingle(p => p.RecordId == "b" && p.Rule == "DuplicateId" && p.Path == "$.offers[8].id");
        problems.Should().ContainSingle(p => p.RecordId == "orphan" && p.Rule == "UnknownInstance" && p.Path == "$.offers[9].instanceId");
        problems.Should().ContainSingle(p => p.RecordId == "bad.large" && p.Rule == "UnknownAccelerator" && p.Path == "$.instances[1].acceleratorId");
        act.Should().Throw<DataLoadException>().WithMessage("negotiated.json not loaded: * problems.*negotiated.json: $.offers[0].hourlyPrice [zero]: NotPositive:*");
    }

    [Fact]
    public void Load_Failure_ChangesNothing()
    {
        var before = CloudCatalog.Default.ToJson();
        var user = LoadText(Document(Offer("o1", "acme-x1.large", "10")));
        var act = () => LoadText(Document(Offer("o1", "acme-x1.large", "0")));
        act.Should().Throw<DataLoadException>();
        var merge = () => CloudCatalog.Default.MergeWith(CloudCatalog.Create([], [], [CatalogTestData.Instance("acme-x9.large", "acme-none")], []));
        merge.Should().Throw<DataLoadException>().Which.Problems.Should().Contain(p => p.Rule == "UnknownAccelerator" || p.Rule == "UnknownProvider");
        CloudCatalog.Default.ToJson().Should().Be(before);
        user.Offers.Single().Price.Should().Be(PricePerHour.Usd(10m));
    }

    [Fact]
    public void Load_TooLarge_IsRejectedBeforeParsing()
    {
        var bytes = new byte[CloudCatalog.MaxDocumentBytes + 1];
        Array.Fill(bytes, (byte)' ');
        var act = () => CloudCatalog.Load(new MemoryStream(bytes), "huge.json");
        act.Should().Throw<DataLoadException>().Which.Problems.Should().ContainSingle().Which.Rule.Should().Be("DocumentTooLarge");
        var unseekable = () => CloudCatalog.Load(new BufferedStream(new NonSeekable(bytes)), "pipe");
        unseekable.Should().Throw<DataLoadException>().Which.Problems.Single().Rule.Should().Be("DocumentTooLarge");
    }

    [Fact]
    public void Load_TooDeep_IsRejectedBeforeParsing()
    {
        var json = "{\"offers\": " + new string('[', 40) + new string(']', 40) + "}";
        var act = () => LoadText(json, "deep.json");
        act.Should().Throw<DataLoadException>().Which.Problems.Should().ContainSingle().Which.Rule.Should().Be("DocumentTooDeep");
    }

    [Theory]
    [InlineData("{ \"offers\": [ }", "MalformedJson")]
    [InlineData("[]", "NotAnObject")]
    [InlineData("{ \"formatVersion\": 2 }", "UnsupportedFormatVersion")]
    [InlineData("{ \"prices\": [] }", "UnknownSection")]
    [InlineData("{ \"offers\": {} }", "NotAnArray")]
    [InlineData("{ \"offers\": [ { \"id\": \"x\", \"instanceId\": \"i\", \"region\": \"r\", \"option\": { \"kind\": \"onDemand\" }, \"hourlyPrice\": { \"amount\": 1, \"currency\": \"USD\" }, \"colour\": \"red\" } ] }", "InvalidJson")]
    public void Load_StructuralProblems(string json, string rule)
    {
        var act = () => LoadText(json);
        act.Should().Throw<DataLoadException>().Which.Problems.Should().Contain(p => p.Rule == rule);
    }

    [Fact]
    public void LoadFile_ReadsAFile_AndNamesItInProblems()
    {
        var path = Path.Combine(Path.GetTempPath(), "cloudecon-catalog-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            File.WriteAllText(path, Document(Offer("o1", "acme-x1.large", "0")));
            var act = () => CloudCatalog.LoadFile(path);
            act.Should().Throw<DataLoadException>().Which.Problems.Single().File.Should().Be(path);
            File.WriteAllText(path, Document(Offer("o1", "acme-x1.large", "3")));
            CloudCatalog.LoadFile(path).Offers.Should().ContainSingle();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_BlankPath_Throws()
    {
        var act = () => CloudCatalog.LoadFile(" ");
        act.Should().Throw<ArgumentException>().WithParameterName("path");
    }

    [Fact]
    public void Create_ValidatesLikeAFile()
    {
        var act = () => CatalogTestData.Catalog(CatalogTestData.Offer("o1", price: 0m));
        act.Should().Throw<DataLoadException>().Which.Problems.Should().ContainSingle(p => p.File == "(code)" && p.RecordId == "o1" && p.Rule == "NotPositive");
    }

    private sealed class NonSeekable(byte[] data) : Stream
    {
        private readonly MemoryStream inner = new(data);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
