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

doc = {"$schema": "./catalog.schema.json", "formatVersion": 1, "accelerators": [a10g, l4, trn2u], "instances": instances, "offers": offers}
with open(os.path.join(OUT, "additions.json"), "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(doc["accelerators"]), "accelerators,", len(instances), "instances,", len(offers), "offers")
