#!/usr/bin/env python3
"""Writes seeds/catalog/additions.json: accelerators and instances that neither ../shared/reference nor a price file
supplies, each figure typed from the source named next to it (run after generate_seed.py, from the repository root:
`python3 seeds/catalog/generate_additions.py`).

- NVIDIA A10G (AWS G5) and NVIDIA L4 (AWS G6, Google Cloud G2): the accelerators the imported g5 / g6 / g2 rows need.
- Trainium2 as deployed in a Trn2 UltraServer: the same chip record as `aws-trainium2` (copied from accelerators.json at
  generation time, so a corrected chip figure propagates) with the UltraServer's 64-chip NeuronLink domain, so that
  the UltraServer is an instance with its own scale-up domain while trn2.48xlarge keeps 16.
- Instances: the Trn2 UltraServer (u-trn2x64) and the P6e-GB200 UltraServer (u-p6e-gb200x72, whose GB200 accelerator
  record already carries the 72-GPU NVLink domain). No primary price was found for either: the P6e-GB200 UltraServer
  has one secondary Capacity Block offer (June 2026), the Trn2 UltraServer none.

Nothing is estimated: a figure the sources read do not give stays null with a note saying so. As-of dates are ISO dates:
the date a page was read when the page is undated, the commit date for a repository file.
"""
import copy, json, os

OUT = os.path.dirname(os.path.abspath(__file__))
READ = "2026-12-05"  # the day the sources below were read

AWS_BATCH_GPU = ("https://docs.aws.amazon.com/batch/latest/userguide/gpu-jobs.html (AWS Batch User Guide, 'Run GPU jobs', "
                 "instance table; read through a copy in the stored pages corpus)")
BASETEN_A10G = "https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/"
GROK_L4 = "https://grokipedia.com/page/NVIDIA_L4_vs_L40S (quoting NVIDIA's L4 product page)"
NEURON_TRN2 = ("github:aws-neuron/aws-neuron-sdk/about-neuron/arch/neuron-hardware/trn2-arch.rst@81ce03ae261e12925e53437a0f690478e6366155 "
               "(also https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/trn2-arch.html)")
NEURON_AS_OF = "2026-08-21"  # the date of repo commit 81ce03ae (the page itself is undated)
SDK_EC2 = ("aws-sdk-ruby gems/aws-sdk-ec2 CHANGELOG.md, 1.537.0 (2025-07-09): 'Customers can now purchase u-p6e-gb200x72 and "
           "u-p6e-gb200x36 UltraServers' (stored code index, file id 5687950703)")
AWS_ML_BLOG = ("AWS Machine Learning Blog 2025-08-13, 'Train and deploy AI models at trillion-parameter scale with Amazon SageMaker "
               "HyperPod support for P6e-GB200 UltraServers', read through the summary at https://news.fishaiapp.com/news/4622641")


def fig(value, source, as_of, confidence, note, unit=None):
    f = {"value": value}
    if unit:
        f["unit"] = unit
    f.update({"source": source, "asOf": as_of, "confidence": confidence, "note": note})
    return f


def unknown(note="not in the sources read"):
    return {"value": None, "note": note}


a10g = {
    "id": "nvidia-a10g", "name": "NVIDIA A10G", "vendor": "NVIDIA", "family": "Ampere", "generation": "A10G", "kind": "gpu",
    "processNode": unknown(), "launchYear": unknown(),
    "memoryCapacity": fig(24, AWS_BATCH_GPU, READ, "vendor",
                          "g5.xlarge: 1 GPU, 24 GiB GPU memory; g5.48xlarge: 8 GPUs, 192 GiB (AWS states GiB). SkyPilot's GpuInfo "
                          "(EC2 DescribeInstanceTypes) reports 22,888 MiB usable per A10G", unit="GiB"),
    "memoryBandwidth": fig(600, BASETEN_A10G, READ, "secondary",
                           "'24 gigabytes of GDDR6 VRAM with a memory bandwidth of 600 gigabytes per second', the same as the A10; "
                           "NVIDIA publishes no A10G data sheet", unit="GB/s"),
    "peakDense": {"bf16": unknown("no A10G tensor-core figure in the sources read (the A10's data-sheet figures are not the A10G's, per the same secondary source)"),
                  "fp8": unknown(), "fp4": unknown()},
    "peakSparse": {},
    "thermalDesignPower": unknown(),
    "scaleUpBandwidth": unknown("no NVLink figure for g5 in the sources read"),
    "scaleUpDomain": unknown("no NVLink figure for g5 in the sources read"),
}

l4 = {
    "id": "nvidia-l4", "name": "NVIDIA L4", "vendor": "NVIDIA", "family": "Ada Lovelace", "generation": "L4", "kind": "gpu",
    "processNode": unknown(),
    "launchYear": fig(2023, GROK_L4, READ, "secondary", "announced March 2023"),
    "memoryCapacity": fig(24, AWS_BATCH_GPU, READ, "vendor",
                          "g6.xlarge: 1 GPU, 24 GiB GPU memory (AWS states GiB); SkyPilot's GCP GpuInfo gives 24,576 MiB per L4, "
                          "its AWS GpuInfo 22,888 MiB usable", unit="GiB"),
    "memoryBandwidth": fig(300, GROK_L4, READ, "secondary", "'24 GB GDDR6 memory at 300 GB/s bandwidth'", unit="GB/s"),
    "peakDense": {
        "bf16": unknown("the source read gives the FP16 tensor rate (242 TFLOPS with sparsity), not BF16"),
        "fp16": fig(121, GROK_L4, READ, "secondary", "DERIVED: 242 TFLOPS FP16 tensor with sparsity, halved to dense", unit="TFLOPS"),
        "fp8": fig(242.5, GROK_L4, READ, "secondary", "DERIVED: 485 TFLOPS FP8 tensor with sparsity, halved to dense", unit="TFLOPS"),
        "fp4": unknown(),
    },
    "peakSparse": {
        "fp16": fig(242, GROK_L4, READ, "secondary", "FP16 tensor, with sparsity", unit="TFLOPS"),
        "fp8": fig(485, GROK_L4, READ, "secondary", "FP8 tensor, with sparsity", unit="TFLOPS"),
    },
    "thermalDesignPower": fig(72, GROK_L4, READ, "secondary", "'a low-power 72 W GPU'", unit="W"),
    "scaleUpBandwidth": unknown("no NVLink on the L4 in the sources read"),
    "scaleUpDomain": unknown("no NVLink on the L4 in the sources read"),
}

with open(os.path.join(OUT, "accelerators.json"), encoding="utf-8") as f:
    chips = {a["id"]: a for a in json.load(f)["accelerators"]}
trn2u = copy.deepcopy(chips["aws-trainium2"])
trn2u.update({"id": "aws-trainium2-ultraserver", "name": "AWS Trainium2 in a Trn2 UltraServer (64-chip NeuronLink domain)",
              "generation": "2 (UltraServer)"})
trn2u["scaleUpDomain"] = fig(64, NEURON_TRN2, NEURON_AS_OF, "vendor",
                             "a Trn2 UltraServer is four trn2u.48xlarge instances joined by NeuronLink-v3: 64 Trainium2 chips; the chip "
                             "figures are aws-trainium2's (copied when this file is generated)")
trn2u["scaleUpBandwidth"]["note"] = (trn2u["scaleUpBandwidth"].get("note", "") + "; across the four instances of an UltraServer the "
                                     "inter-instance NeuronLink-v3 link is 256 GB/s per chip (trn2-arch.rst), which bounds a 64-way all-reduce").lstrip("; ")

instances = [
    {
        "id": "aws-u-trn2x64", "provider": "aws", "name": "u-trn2x64", "displayName": "Trn2 UltraServer (4 x trn2u.48xlarge)",
        "acceleratorId": "aws-trainium2-ultraserver", "billing": "perInstance",
        "acceleratorCount": fig(64, NEURON_TRN2, NEURON_AS_OF, "vendor", "Trn2 UltraServer column: 64 Trainium2 chips"),
        "vcpus": fig(768, NEURON_TRN2, NEURON_AS_OF, "vendor", "Trn2 UltraServer column: 768 vCPUs"),
        "memory": fig(8192, NEURON_TRN2, NEURON_AS_OF, "vendor", "Trn2 UltraServer column: 8,192 GiB host memory", unit="GiB"),
        "networkBandwidth": unknown("the table gives EFAv3 3,200 Gbps in both the instance and the UltraServer column without saying whether it is per instance"),
        "scaleOutFabric": {"value": "EFAv3", "source": NEURON_TRN2, "asOf": NEURON_AS_OF, "confidence": "vendor"},
    },
    {
        "id": "aws-u-p6e-gb200x72", "provider": "aws", "name": "u-p6e-gb200x72", "displayName": "P6e-GB200 UltraServer (72 GPUs)",
        "acceleratorId": "nvidia-gb200", "billing": "perInstance",
        "acceleratorCount": fig(72, AWS_ML_BLOG, "2025-08-13", "secondary",
                                "'up to 72 NVIDIA Blackwell GPUs' with 13.4 TB HBM3e in one NVLink domain; the UltraServer type "
                                "u-p6e-gb200x72 is named in " + SDK_EC2),
        "vcpus": unknown(), "memory": unknown(), "networkBandwidth": unknown(),
        "scaleOutFabric": {"value": "EFAv4", "source": AWS_ML_BLOG, "asOf": "2025-08-13", "confidence": "secondary",
                           "note": "'28.8 Tbps of EFA v4 network bandwidth' in total"},
    },
]

# The one price found for an UltraServer: the Capacity Block rate of u-p6e-gb200x72, quoted by a pricing tracker that checked
# AWS's Capacity Block price page (its entries of 2026-06-15 to 2026-06-19 give the same figure; the page said the next
# update was scheduled in July 2026, so the offer ends on 2026-06-30, as the December-2024 Capacity Block offers end before
# their announced update).
TRACKER = ("cloud pricing tracker, entries 2026-06-15 and 2026-06-19 ('verified live from aws.amazon.com/ec2/capacityblocks/pricing/'), "
           "stored code index file id 61941634986")
offers = [
    {
        "id": "aws-u-p6e-gb200x72/capacityBlock/us-east-1-dfw-2a", "instanceId": "aws-u-p6e-gb200x72", "region": "us-east-1-dfw-2a",
        "option": {"kind": "capacityBlock"},
        "hourlyPrice": {"amount": 761.904, "currency": "USD", "per": "h", "source": TRACKER, "asOf": "2026-06-19", "confidence": "secondary",
                        "note": "'P6e UltraServer u-p6e-gb200x72 (72x B200): $761.904/hr (US East Dallas Local Zone)', $10.582 per GPU-hour; "
                                "the page said current prices were 'scheduled to be updated next in July, 2026'"},
        "validFrom": "2026-06-15", "validTo": "2026-06-30",
    },
]

# Published 1- and 3-year commitment rates (and ND H200 v5's pay-as-you-go rate), as a third-party term-price catalog read
# them by hand from each seller's price list on 2026-09-27 ("Nothing here is estimated"; stored code index file id
# 71169283831, TERM_CATALOG_AS_OF = "2026-09-27"): AWS Price List / Savings Plans files for us-east-1 published 2026-09-25,
# the Azure Retail Prices API (a reservation's unitPrice is the whole term per VM), Google Cloud's accelerator-optimized
# pricing page (us-central1). Confidence secondary (a transcription), valid from the reading date; the reference data's
# ESTIMATE rows for the same instance and region end the day before (generate_seed.py), the others stay as they are.
TERMS = "third-party term-price catalog (hand-read seller price lists), stored code index file id 71169283831, captured 2026-09-27"
TERMS_AS_OF = "2026-09-27"
AWS_SP_FILE = "https://pricing.us-east-1.amazonaws.com/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json (files published 2026-09-25)"
AZURE_API = "https://prices.azure.com/api/retail/prices"
GCP_PAGE = "https://cloud.google.com/products/compute/pricing/accelerator-optimized"
HOURS = {12: 8760, 36: 26280}


def committed(instance, region, kind, months, price, source_url, published, payment=None, note=None):
    option = {"kind": kind, "termMonths": months}
    if payment:
        option["payment"] = payment
    return {
        "id": f"{instance}/{kind}-{months}m{'-' + payment if payment else ''}/{region}/{TERMS_AS_OF}", "instanceId": instance,
        "region": region, "option": option,
        "hourlyPrice": {"amount": price, "currency": "USD", "per": "h", "source": f"{source_url}, as read by the {TERMS}",
                        "asOf": TERMS_AS_OF, "confidence": "secondary",
                        "note": f"published rate, not an estimate: {published}" + (f"; {note}" if note else "")},
        "validFrom": TERMS_AS_OF,
    }


# AWS us-east-1: the lowest no-upfront plan per term, per instance-hour (EC2 Instance Savings Plan, or Compute Savings Plan
# where AWS publishes no Instance plan for the term).
for instance, y1, y1_plan, y3 in [
    ("aws-p4de.24xlarge", 17.40137, "EC2 Instance Savings Plan", 11.71777),
    ("aws-p5.48xlarge", 34.6752, "EC2 Instance Savings Plan", 23.77728),
    ("aws-p5en.48xlarge", 39.87648, "EC2 Instance Savings Plan", 27.34387),
    ("aws-p6-b200.48xlarge", 89.72208, "Compute Savings Plan", 49.21897),
    ("aws-p6-b300.48xlarge", 112.1526, "Compute Savings Plan", 61.52371),
]:
    offers.append(committed(instance, "us-east-1", "savingsPlan", 12, y1, AWS_SP_FILE, f"{y1_plan}, 1 year, no upfront, {y1} USD per instance-hour",
                            "noUpfront", None if y1_plan.startswith("EC2") else "AWS publishes no 1-year EC2 Instance Savings Plan or RI for this type"))
    offers.append(committed(instance, "us-east-1", "savingsPlan", 36, y3, AWS_SP_FILE, f"EC2 Instance Savings Plan, 3 years, no upfront, {y3} USD per instance-hour", "noUpfront"))

# Azure: reservation totals per VM for the whole term, DERIVED to an hourly rate over 8,760 hours a year (as the
# azure-retail importer does).
for instance, region, totals in [
    ("azure-nd96amsr-a100-v4", "eastus", {12: 183722.0, 36: 378926.0}),
    ("azure-nd96isr-h100-v5", "eastus", {12: 551221.0, 36: 1134310.0}),
    ("azure-nd96isr-h200-v5", "eastus2", {12: 407526.0, 36: 1109592.0}),
]:
    for months, total in totals.items():
        offers.append(committed(instance, region, "reserved", months, round(total / HOURS[months], 6), AZURE_API,
                                f"Reserved VM Instance, {months // 12} year{'s' if months > 12 else ''}: {total:,.0f} USD per VM for the whole term; "
                                f"DERIVED: / {HOURS[months]:,} h"))
offers.append({
    "id": f"azure-nd96isr-h200-v5/onDemand/eastus2/{TERMS_AS_OF}", "instanceId": "azure-nd96isr-h200-v5", "region": "eastus2",
    "option": {"kind": "onDemand"},
    "hourlyPrice": {"amount": 84.8, "currency": "USD", "per": "h", "source": f"{AZURE_API}, as read by the {TERMS}", "asOf": TERMS_AS_OF,
                    "confidence": "secondary",
                    "note": "pay-as-you-go, 84.8 USD per VM-hour (8 GPUs); another page gives the same 10.60 USD per GPU-hour in East US 2 "
                            "from the Azure Retail Prices API on 2026-08-20 (stored code index file id 62758397060)"},
    "validFrom": TERMS_AS_OF,
})

# Google Cloud us-central1: resource-based CUDs, billed monthly (no upfront), per instance-hour.
for instance, y1, y3 in [("gcp-a3-highgpu-8g", 61.383674231, 38.864383195), ("gcp-a3-ultragpu-8g", 58.471933151, 37.208420822)]:
    offers.append(committed(instance, "us-central1", "committedUse", 12, y1, GCP_PAGE, f"resource CUD, 1 year, billed monthly, {y1} USD per instance-hour"))
    offers.append(committed(instance, "us-central1", "committedUse", 36, y3, GCP_PAGE, f"resource CUD, 3 years, billed monthly, {y3} USD per instance-hour"))

instances.append({
    "id": "azure-nd96isr-h200-v5", "provider": "azure", "name": "Standard_ND96isr_H200_v5", "displayName": "ND H200 v5",
    "acceleratorId": "nvidia-h200-sxm", "billing": "perInstance",
    "acceleratorCount": fig(8, TERMS, TERMS_AS_OF, "secondary", "ND96isr H200 v5 priced as an 8-GPU VM (per-GPU rate = VM rate / 8)"),
    "vcpus": unknown("the size name implies 96 vCPUs, but the sources read disagree on the VM's memory and state no vCPU count"),
    "memory": unknown("1,850 GB in one third-party table, 1,900 GB in another: left unknown"),
    "networkBandwidth": unknown(), "scaleOutFabric": unknown(),
})

doc = {"$schema": "./catalog.schema.json", "formatVersion": 1, "accelerators": [a10g, l4, trn2u], "instances": instances, "offers": offers}
with open(os.path.join(OUT, "additions.json"), "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(doc["accelerators"]), "accelerators,", len(instances), "instances,", len(offers), "offers")

# As in generate_seed.py: as-of values that are not ISO dates (an undated vendor page) become the date the source was
# read (2026-11-29), the words moving to the note (tools/normalize_asof.py, idempotent).
import subprocess, sys
subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "normalize_asof.py"),
                "--read-on", "2026-11-29", os.path.join(OUT, "additions.json")], check=True)
