using System.Text;
using CloudEconomics.Inference;

namespace CloudEconomics.Tests.Inference;

public class ModelLibraryTest
{
    [Fact]
    public void Default_HasTheSixPresetsWithSources()
    {
        var ids = ModelLibrary.Default.Models.Select(m => m.Id);
        ids.Should().BeEquivalentTo(["deepseek-v3", "llama-2-70b", "llama-3.1-405b", "llama-3.1-70b", "llama-3.1-8b", "mixtral-8x7b"]);
        ModelLibrary.Default.Models.Should().OnlyContain(m => m.Provenance.IsComplete && m.FieldProvenance.Values.All(p => p.IsComplete));
    }

    [Fact]
    public void Llama70B_MatchesConfigJson()
    {
        // meta-llama/Llama-3.1-70B config.json: 80 layers, hidden 8192, 64 heads, 8 KV heads, head dim 8192/64 = 128.
        var m = ModelLibrary.Default["LLAMA-3.1-70B"];
        (m.Layers, m.HiddenSize, m.AttentionHeads, m.KeyValueHeads, m.HeadDimension).Should().Be((80, 8192, 64, 8, 128));
        // KV cache: 80 x 2 x 8 x 128 x 2 bytes = 327,680 bytes per token.
        m.KvCacheBytesPerToken.Should().Be(327_680);
        m.IsMixtureOfExperts.Should().BeFalse();
    }

    [Fact]
    public void DeepSeekV3_IsMoEWithLatentKvCache()
    {
        // arXiv:2412.19437: 671B total, 37B active; MLA caches 512 + 64 = 576 elements per token per layer, 61 layers, BF16:
        // 61 x 576 x 2 = 70,272 bytes per token.
        var m = ModelLibrary.Default["deepseek-v3"];
        m.TotalParameters.Should().Be(671_026_434_048); // config-derived (see seeds/models/deepseek-v3.json), the paper's 671B
        m.ActiveParameters.Should().Be(37_552_312_320); // config-derived; the paper says 37B
        m.IsMixtureOfExperts.Should().BeTrue();
        m.KvCacheBytesPerToken.Should().Be(70_272);
        m.WeightPrecision.Should().Be(NumericPrecision.Fp8);
    }

    [Fact]
    public void MergeWith_UserFileOverridesPreset()
    {
        const string json = """
        { "id": "llama-3.1-70b", "name": "Llama 3.1 70B (FP8)", "totalParameters": 70562938880, "activeParameters": 70562938880,
          "layers": 80, "hiddenSize": 8192, "attentionHeads": 64, "keyValueHeads": 8, "headDimension": 128,
          "weightPrecision": "fp8", "kvCachePrecision": "fp8", "maxContextTokens": 131072, "source": "my quantised checkpoint" }
        """;
        var user = ModelLibrary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "mine.json");
        var merged = ModelLibrary.Default.MergeWith(user);
        merged["llama-3.1-70b"].WeightPrecision.Should().Be(NumericPrecision.Fp8);
        merged.Models.Should().HaveCount(6);
        ModelLibrary.Default["llama-3.1-70b"].WeightPrecision.Should().Be(NumericPrecision.Bf16); // defaults untouched
    }

    [Fact]
    public void Load_MissingLayers_NamesFilePathAndRecord()
    {
        const string json = """{ "id": "x", "name": "X", "totalParameters": 1e9, "activeParameters": 1e9, "hiddenSize": 1, "attentionHeads": 1, "keyValueHeads": 1, "headDimension": 1, "maxContextTokens": 10, "source": "s" }""";
        var act = () => ModelLibrary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json");
        act.Should().Throw<DataLoadException>().WithMessage("bad.json: $.layers [x]: Required: 'layers' is required and must be a whole number.")
            .Where(e => e.File == "bad.json" && e.Problems.Count == 1);
    }

    [Fact]
    public void Load_ActiveAboveTotal_NamesRule()
    {
        const string json = """[{ "id": "x", "name": "X", "totalParameters": 1e9, "activeParameters": 2e9, "layers": 1, "hiddenSize": 1, "attentionHeads": 1, "keyValueHeads": 1, "headDimension": 1, "maxContextTokens": 10, "source": "s" }]""";
        var act = () => ModelLibrary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json");
        act.Should().Throw<DataLoadException>().Where(e => e.Problems[0].Path == "$[0].activeParameters" && e.Message.Contains("must not exceed total parameters"));
    }

    [Fact]
    public void Load_EveryProblemIsListed_NotOnlyTheFirst()
    {
        // layers missing, a precision that does not exist, an as-of that is not a date and a confidence that is not a tier.
        const string json = """{ "id": "x", "name": "X", "totalParameters": 1e9, "activeParameters": 1e9, "hiddenSize": 1, "attentionHeads": 1, "keyValueHeads": 1, "headDimension": 1, "maxContextTokens": 10, "weightPrecision": "fp7", "source": "s", "asOf": "July 2024", "confidence": "sure" }""";
        var act = () => ModelLibrary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json");
        act.Should().Throw<DataLoadException>().Which.Problems.Select(p => p.Path)
            .Should().Equal("$.layers", "$.weightPrecision", "$.asOf", "$.confidence");
    }

    [Fact]
    public void Default_Llama31_8B_ParameterCount_IsSecondary_FromTheRepositoryItQuotes()
    {
        // seeds/models/llama-3.1-8b.json: the parameter count 8,030,261,248 is quoted by github:thamada/modelQuery (a third
        // party, so secondary), the architecture by Meta's config.json (the publisher, so vendor), released 2024-07-23.
        var m = ModelLibrary.Default["llama-3.1-8b"];
        m.Provenance.Confidence.Should().Be(Confidence.Vendor);
        m.Provenance.AsOf.Should().Be(new NodaTime.LocalDate(2024, 7, 23));
        m.Provenance.Source.Should().StartWith("https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json");
        m.ProvenanceOf("totalParameters").Confidence.Should().Be(Confidence.Secondary);
        m.ProvenanceOf("totalParameters").Source.Should().StartWith("github:thamada/modelQuery/README.md");
        m.ProvenanceOf("layers").Should().BeSameAs(m.Provenance);
    }

    [Fact]
    public void Default_Llama31_70B_ParameterCount_IsDerivedFromTheConfig()
    {
        var p = ModelLibrary.Default["llama-3.1-70b"].ProvenanceOf("totalParameters");
        p.Source.Should().StartWith("DERIVED: ");
        p.DerivedFrom.Should().Equal("https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json");
        p.Confidence.Should().Be(Confidence.Vendor, "arithmetic on the publisher's config keeps its input's confidence");
    }

    [Fact]
    public void Indexer_UnknownId_ListsIds()
    {
        var act = () => ModelLibrary.Default["gpt-5"];
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "id" && e.Message.Contains("llama-3.1-8b"));
    }
}
