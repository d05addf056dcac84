using CloudEconomics.Catalog;
using NodaTime;

namespace CloudEconomics.Tests.Catalog;

public partial class CloudCatalogTest
{
    [Fact]
    public void Default_Loads_WithTheRequiredRecords()
    {
        var catalog = CloudCatalog.Default;
        // the curated clouds, and the neoclouds imported from SkyPilot's catalog (seeds/catalog/imported)
        catalog.Providers.Select(p => p.Id).Should().BeEquivalentTo("aws", "azure", "gcp", "lambda", "nebius", "hyperstack", "mithril", "digitalocean", "paperspace");
        catalog.Accelerators.Select(a => a.Id).Should().Contain(
        [
            "aws-trainium1", "aws-trainium2", "aws-trainium3", "aws-inferentia1", "aws-inferentia2", "ms-maia100", "ms-maia200",
            "google-tpu-v4", "google-tpu-v5e", "google-tpu-v5p", "google-tpu-v6e", "google-tpu7x-ironwood",
            "nvidia-a100-80gb-sxm", "nvidia-h100-sxm", "nvidia-h200-sxm", "nvidia-b200", "nvidia-gb200", "amd-mi300x", "amd-mi325x", "amd-mi355x",
        ]);
        foreach (var name in new[] { "trn1.32xlarge", "trn1n.32xlarge", "trn2.48xlarge", "inf2.xlarge", "inf2.8xlarge", "inf2.24xlarge", "inf2.48xlarge",
                     "p4d.24xlarge", "p5.48xlarge", "p5e.48xlarge", "p5en.48xlarge", "p6-b200.48xlarge", "Standard_ND96isr_H100_v5", "Standard_ND96isr_MI300X_v5",
                     "a3-highgpu-8g", "a3-ultragpu-8g", "tpu-v5e-chip", "tpu-v5p-chip", "tpu-v6e-chip" })
        {
            catalog.FindInstance(name).Should().NotBeNull(name);
        }
        catalog.Instances.Should().OnlyContain(i => i.Accelerator != null && i.Accelerator.Id == i.AcceleratorId);
    }

    [Fact]
    public void Default_IsTheSameInstance_AcrossThreads()
    {
        var seen = new CloudCatalog[8];
        Parallel.For(0, seen.Length, i => seen[i] = CloudCatalog.Default);
        seen.Should().OnlyContain(c => ReferenceEquals(c, seen[0]));
    }
}
