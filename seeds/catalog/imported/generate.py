#!/usr/bin/env python3
"""Regenerates seeds/catalog/imported/*.json and seeds/catalog/accelerators-gpuinfo.json from provider price files.

Run from the repository root after building the CLI:
    dotnet build src/CloudEconomics.Cli
    python3 seeds/catalog/imported/generate.py SOURCES_DIR [PROVIDER ...]

With PROVIDER ids only those files are regenerated (the GCP and Azure records come from excerpts kept in the
repository, so `generate.py /nonexistent gcp azure` needs no SOURCES_DIR).

SOURCES_DIR holds the fetched price files named in SOURCES below (for example SOURCES_DIR/lambda/vms.csv is
github:skypilot-org/skypilot-catalog/catalogs/v8/lambda/vms.csv at the commit given). The raw files are not kept in
the repository. Each file is imported with `cloudecon catalog import --standalone`; records the curated seeds already
have (providers, instances, and offers for the same instance, region and purchase option) are then dropped, so the
embedded catalog keeps one price per day for every key and the curated AWS history (Karpenter snapshots) wins.
"""
import json, os, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CLI = os.path.join(ROOT, "src", "CloudEconomics.Cli", "bin", "Debug", "net10.0", "cloudecon.dll")
AS_OF = "2026-12-05"  # the day the files were read from the stored snapshot of skypilot-org/skypilot-catalog
SP = "github:skypilot-org/skypilot-catalog/catalogs/{}@{}"

# provider id, display name, file under SOURCES_DIR, repository path, commit, what the file holds
SOURCES = [
    ("aws", "Amazon Web Services", "aws/vms-p-family.csv", "v8/aws/vms.csv", "00148f2af3672e2229b4f7bf8157d5a3f36e3c35",
     "the p4d, p4de, p5, p5e, p5en, p6-b200 and p6-b300 rows (all availability zones), byte-for-byte"),
    ("lambda", "Lambda", "lambda/vms.csv", "v8/lambda/vms.csv", "0f4070387edc953d7004cff197940e1918a1d6aa", "the whole file"),
    ("nebius", "Nebius", "nebius/vms.csv", "v8/nebius/vms.csv", "0082b0435f3912ae4c566856b272455cc78f4f61", "the whole file"),
    ("hyperstack", "Hyperstack", "hyperstack/vms.csv", "v8/hyperstack/vms.csv", "fdc9d908ab0b2af9f468f139fb3f662c8c6b3257", "the whole file"),
    ("mithril", "Mithril", "mithril/vms.csv", "v8/mithril/vms.csv", "1f9eb0c264f9a6d78833766f4b18353ac7dfdde9", "the whole file"),
    ("digitalocean", "DigitalOcean", "do/vms.csv", "v6/do/vms.csv", "1fbe7331dd1f13d70ac4f249bb7ee7a659fc6b6a", "the whole file"),
    ("paperspace", "Paperspace", "paperspace/vms.csv", "v6/paperspace/vms.csv", "e520054145d1bce6748bcf18c9a25ddd6ea9a348", "the whole file"),
]

# Azure Retail Prices items: provider, file under the repository, source, as-of, confidence
AZURE = ("azure", "tests/CloudEconomics.Tests/Catalog/Import/Data/azure-retail-nd96isr-h100-v5-eastus.json",
         "Azure Retail Prices API, Standard_ND96isr_H100_v5 in eastus, captured live 2026-09-16 as kept in a public price collector's test (stored code index, file id 68832204882, AZURE_H100_ITEMS)",
         "2026-09-16", "secondary")

# Google Cloud: SkyPilot's GCP file lists machine types and GPUs in separate rows; the importer joins them. The excerpt kept
# in the repository holds the rows of the commit catalog-sources.json already uses (its README says which rows and why).
GCP = ("gcp", "tests/CloudEconomics.Tests/Catalog/Import/Data/skypilot-gcp-v7-a2-a3.csv",
       SP.format("v7/gcp/vms.csv", "017e2502fb63c7a28757acd94002b2d6099d3e3d") + " (a2-highgpu-8g, a3-highgpu-8g, a3-megagpu-8g, a3-ultragpu-8g and their GPU rows; excerpt in tests/CloudEconomics.Tests/Catalog/Import/Data/skypilot-gcp-v7-a2-a3.csv)",
       "2026-11-29", "curated-dataset")  # as-of: the commit is undated; 2026-11-29 is when catalog-sources.json first recorded it

# Azure: SkyPilot's v6 Azure file (US regions); the excerpt keeps the A100 v4 rows (NC A100 v4: A100 80GB PCIe; ND A100
# v4 and NDm A100 v4: SXM4). Its ND96isr_H100_v5 rows state 12 GPUs and a spot price equal to on demand, so they are not used.
AZURE_SP = ("azure", "tests/CloudEconomics.Tests/Catalog/Import/Data/skypilot-azure-v6-a100.csv",
            SP.format("v6/azure/vms.csv", "098741e70562f65d7af1cceb81e33b284f742604") + " (the A100 v4 rows; excerpt in tests/CloudEconomics.Tests/Catalog/Import/Data/skypilot-azure-v6-a100.csv)",
            AS_OF, "curated-dataset")

# AWS G5 / G6 / G6e, Inf1 and Trn1 single-chip rows of the same SkyPilot AWS file and commit as SOURCES' aws entry, kept as
# an excerpt in the repository (us-east-1 rows of g5.xlarge, g5.48xlarge, g6.xlarge, g6.48xlarge, g6e.12xlarge, g6e.48xlarge,
# inf1.2xlarge, inf1.6xlarge, and all five trn1.2xlarge rows): the instances issue 16 names as missing.
AWS_G = ("aws", "tests/CloudEconomics.Tests/Catalog/Import/Data/skypilot-aws-v8-g-inf-trn.csv",
         SP.format("v8/aws/vms.csv", "00148f2af3672e2229b4f7bf8157d5a3f36e3c35") + " (g5, g6, g6e, inf1 and trn1.2xlarge rows; excerpt in tests/CloudEconomics.Tests/Catalog/Import/Data/skypilot-aws-v8-g-inf-trn.csv)",
         AS_OF, "curated-dataset")

# Google Cloud G2 (L4): the g2-standard-4, -48 and -96 machine-type rows and the L4 x1 / x4 / x8 GPU rows of us-central1 and
# us-east1 from the same GCP file and commit as GCP above (excerpt kept in the repository).
GCP_G2 = ("gcp", "tests/CloudEconomics.Tests/Catalog/Import/Data/skypilot-gcp-v7-g2-l4.csv",
          SP.format("v7/gcp/vms.csv", "017e2502fb63c7a28757acd94002b2d6099d3e3d") + " (g2-standard-4/48/96 and their L4 rows, us-central1 and us-east1; excerpt in tests/CloudEconomics.Tests/Catalog/Import/Data/skypilot-gcp-v7-g2-l4.csv)",
          "2026-11-29", "curated-dataset")  # as-of as for GCP: the commit is undated

# Accelerators the imported instances need that the curated accelerators.json does not have. Only the memory per
# accelerator is sourced (the GpuInfo column of the file named); every other figure is unknown.
GPUINFO = [
    # id, name, family, generation, MiB per accelerator (GpuInfo) or None, file of the GpuInfo, note
    ("nvidia-h100-pcie", "NVIDIA H100 PCIe 80GB", "Hopper", "H100 PCIe", 81920, "v8/lambda/vms.csv", "gpu_1x_h100_pcie GpuInfo"),
    ("nvidia-h100-80gb", "NVIDIA H100 80GB (form factor not stated by the source)", "Hopper", "H100", None, None,
     "a provider that names 'H100' without saying SXM or PCIe; memory left unknown because the sources disagree (DigitalOcean's GpuInfo reports 81559 MiB usable)"),
    ("nvidia-a100-80gb-pcie", "NVIDIA A100 80GB PCIe", "Ampere", "A100 PCIe", 81920, "v8/hyperstack/vms.csv", "n3-A100x1 GpuInfo"),
    ("nvidia-a100-80gb", "NVIDIA A100 80GB (form factor not stated by the source)", "Ampere", "A100", None, None,
     "a provider that names 'A100-80GB' without saying SXM or PCIe; the name states 80 GB but no GpuInfo gives the memory"),
    ("nvidia-gh200", "NVIDIA GH200 Grace Hopper", "Hopper", "GH200", 98304, "v8/lambda/vms.csv", "gpu_1x_gh200 GpuInfo"),
    ("nvidia-b300", "NVIDIA B300", "Blackwell", "B300", 275040, "v8/aws/vms.csv", "p6-b300.48xlarge GpuInfo"),
    ("nvidia-l40s", "NVIDIA L40S", "Ada Lovelace", "L40S", 49152, "v8/nebius/vms.csv", "gpu-l40s-a_1gpu-8vcpu-32gb GpuInfo"),
    ("nvidia-l40", "NVIDIA L40", "Ada Lovelace", "L40", 49152, "v8/hyperstack/vms.csv", "n3-L40x1 GpuInfo"),
    ("nvidia-a10", "NVIDIA A10", "Ampere", "A10", 24576, "v8/lambda/vms.csv", "gpu_1x_a10 GpuInfo"),
    ("nvidia-rtx-a6000", "NVIDIA RTX A6000", "Ampere", "RTX A6000", 49152, "v8/lambda/vms.csv", "gpu_1x_a6000 GpuInfo"),
    ("nvidia-rtx-a4000", "NVIDIA RTX A4000", "Ampere", "RTX A4000", 16384, "v8/hyperstack/vms.csv", "n3-RTX-A4000x1 GpuInfo"),
    ("nvidia-quadro-rtx-6000", "NVIDIA Quadro RTX 6000", "Turing", "RTX 6000", 24576, "v8/lambda/vms.csv", "gpu_1x_rtx6000 GpuInfo"),
    ("nvidia-v100-16gb", "NVIDIA V100 16GB", "Volta", "V100", 16384, "v8/lambda/vms.csv", "gpu_8x_v100 GpuInfo"),
    ("nvidia-v100-32gb", "NVIDIA V100 32GB", "Volta", "V100", None, None, "the name states 32 GB; no GpuInfo read gives the memory"),
]


def commit_of(path):
    return next(c for (_, _, _, p, c, _) in SOURCES if p == path)


def accelerators():
    out = []
    for aid, name, family, generation, mib, path, note in GPUINFO:
        unknown = {"value": None, "note": "not in the sources read"}
        memory = ({"value": mib / 1024, "unit": "GiB", "source": SP.format(path, commit_of(path)), "asOf": AS_OF,
                   "confidence": "curatedDataset", "note": f"{note}: {mib} MiB per accelerator"}
                  if mib else {"value": None, "note": note})
        out.append({"id": aid, "name": name, "vendor": "NVIDIA", "family": family, "generation": generation, "kind": "gpu",
                    "processNode": unknown, "launchYear": unknown, "memoryCapacity": memory, "memoryBandwidth": unknown,
                    "peakDense": {"bf16": unknown, "fp8": unknown, "fp4": unknown}, "peakSparse": {},
                    "thermalDesignPower": unknown, "scaleUpBandwidth": unknown, "scaleUpDomain": unknown})
    return {"$schema": "./catalog.schema.json", "formatVersion": 1, "accelerators": out}


def key(o):
    opt = o["option"]
    return (o.get("instanceId"), o.get("acceleratorId"), o["region"], opt["kind"], opt.get("termMonths"), opt.get("payment"), o["hourlyPrice"]["currency"])


def main(sources_dir, only=()):
    seeds = os.path.join(ROOT, "seeds", "catalog")
    curated = {n: json.load(open(os.path.join(seeds, n + ".json"))) for n in ("providers", "instances", "offers")}
    providers = {p["id"] for p in curated["providers"]["providers"]}
    instances = {i["id"] for i in curated["instances"]["instances"]}
    offer_keys = {key(o) for o in curated["offers"]["offers"]}
    json.dump(accelerators(), open(os.path.join(seeds, "accelerators-gpuinfo.json"), "w"), indent=2)
    jobs = [(p, n, "skypilot", os.path.join(sources_dir, f), SP.format(path, c), AS_OF, "curated-dataset", w) for (p, n, f, path, c, w) in SOURCES]
    jobs.append((AZURE[0], "Microsoft Azure", "azure-retail", os.path.join(ROOT, AZURE[1]), AZURE[2], AZURE[3], AZURE[4], "four items of one page"))
    jobs.append((AZURE_SP[0], "Microsoft Azure", "skypilot", os.path.join(ROOT, AZURE_SP[1]), AZURE_SP[2], AZURE_SP[3], AZURE_SP[4], "A100 v4 rows, US regions"))
    jobs.append((GCP[0], "Google Cloud", "skypilot", os.path.join(ROOT, GCP[1]), GCP[2], GCP[3], GCP[4], "machine-type rows joined with their GPU rows"))
    jobs.append((AWS_G[0], "Amazon Web Services", "skypilot", os.path.join(ROOT, AWS_G[1]), AWS_G[2], AWS_G[3], AWS_G[4], "g5, g6, g6e, inf1, trn1.2xlarge rows", "aws-g-inf-trn"))
    jobs.append((GCP_G2[0], "Google Cloud", "skypilot", os.path.join(ROOT, GCP_G2[1]), GCP_G2[2], GCP_G2[3], GCP_G2[4], "g2 machine-type rows joined with their L4 rows", "gcp-g2"))
    jobs = [j if len(j) == 9 else j + (None,) for j in jobs]
    if only:
        jobs = [j for j in jobs if j[0] in only]
    for provider, name, fmt, file, source, as_of, confidence, what, out_file in jobs:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, provider + ".json")
            cmd = ["dotnet", CLI, "catalog", "import", "--format", fmt, "--provider", provider, "--provider-name", name, "--confidence", confidence,
                   "--as-of", as_of, "--source", source, "--standalone", file, "--out", out]
            run = subprocess.run(cmd, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"{provider}: {run.stderr.strip()}")
            print(run.stdout.strip(), f"[{what}]")
            doc = json.load(open(out))
        doc["providers"] = [p for p in doc["providers"] if p["id"] not in providers]
        doc["instances"] = [i for i in doc["instances"] if i["id"] not in instances]
        kept = [o for o in doc["offers"] if key(o) not in offer_keys]
        print(f"  kept {len(doc['instances'])} instances, {len(kept)} of {len(doc['offers'])} offers (the others are curated)")
        doc["offers"] = kept
        out_name = out_file or provider + ("-skypilot" if provider == "azure" and fmt == "skypilot" else "")  # two sources of one provider, two files
        json.dump(doc, open(os.path.join(seeds, "imported", out_name + ".json"), "w"), indent=2)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: generate.py SOURCES_DIR [PROVIDER ...]")
    main(sys.argv[1], tuple(sys.argv[2:]))
