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
        ModelLibrary.Default.Models.Should().OnlyContain(m => !string.IsNullOrEmpty(m.Source) && m.AsOf != null);
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
        act.Should().Throw<ModelLoadException>().Where(e => e.File == "bad.json" && e.JsonPath == "$.layers" && e.RecordId == "x" && e.Message.Contains("required"));
    }

    [Fact]
    public void Load_ActiveAboveTotal_NamesRule()
    {
        const string json = """[{ "id": "x", "name": "X", "totalParameters": 1e9, "activeParameters": 2e9, "layers": 1, "hiddenSize": 1, "attentionHeads": 1, "keyValueHeads": 1, "headDimension": 1, "maxContextTokens": 10, "source": "s" }]""";
        var act = () => ModelLibrary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json");
        act.Should().Throw<ModelLoadException>().Where(e => e.JsonPath == "$[0].activeParameters" && e.Message.Contains("must not exceed total parameters"));
    }

    [Fact]
    public void Indexer_UnknownId_ListsIds()
    {
        var act = () => ModelLibrary.Default["gpt-5"];
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "id" && e.Message.Contains("llama-3.1-8b"));
    }
}
