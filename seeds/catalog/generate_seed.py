#!/usr/bin/env python3
"""Builds seeds/catalog/*.json from ../shared/reference (catalog-sources.json, aws-on-demand-price-history.json)
and the seed article (../shared/seed/*.txt). Run from the repository root:

    python3 seeds/catalog/generate_seed.py [path-to-shared]

Every figure keeps the reference file's _source and _as_of; a null stays null (unknown) with its note.
Nothing here estimates a number: the only arithmetic is grouping the dated AWS price snapshots into runs.
"""
import json, os, sys, datetime

SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
REF = os.path.join(SHARED, "reference")
OUT = os.path.dirname(os.path.abspath(__file__))

src = json.load(open(os.path.join(REF, "catalog-sources.json")))
history = json.load(open(os.path.join(REF, "aws-on-demand-price-history.json")))
REFERENCE_GENERATED = src["meta"]["generated"]  # 2026-11-29: when the reference catalog was compiled

# Issue 16: the a3-highgpu-8g spot price came from a secondary brief (18.00 = $2.25/GPU-hr x 8). The SkyPilot catalog the
# on-demand price is derived from gives the spot price the same way: the us-east4 VM row (a3-highgpu-8g, us-east4-a/b/c,
# SpotPrice 1.70352) plus the us-east4 H100 x8 GPU row (SpotPrice 14.1056) = 15.80912, read 2026-12-05 from the file below.
_V7_GCP = "github:skypilot-org/skypilot-catalog/catalogs/v7/gcp/vms.csv@017e2502fb63c7a28757acd94002b2d6099d3e3d"
for _i in src["instances"]:
    if _i["id"] == "gcp-a3-highgpu-8g":
        _i.update(price_spot_usd_hr=15.81, price_spot_usd_hr_source=_V7_GCP, price_spot_usd_hr_as_of="catalog commit 017e2502",
                  price_spot_usd_hr_note="DERIVED: VM host spot $1.70352 (a3-highgpu-8g, us-east4) + 8xH100 GPU spot $14.1056 (us-east4) = 15.80912; "
                                         "replaces the secondary brief's 18.00 ($2.25/GPU-hr x 8, as of 2026-04-07) per issue 16")

VENDOR_PREFIXES = ("github:aws-neuron/", "https://awsdocs-neuron", "https://cloud.google.com/", "https://docs.cloud.google.com/",
                   "https://techcommunity.microsoft.com/", "https://blogs.microsoft.com/", "github:aws/karpenter-provider-aws/")
CURATED_PREFIXES = ("github:sr3-k/data/ml_hardware.csv", "github:skypilot-org/skypilot-catalog/")


def confidence(source, note):
    n = (note or "")
    if "ESTIMATE" in n:
        return "estimate"
    if n.startswith("LOW confidence"):
        return "secondary"
    if source.startswith(VENDOR_PREFIXES):
        return "vendor"
    if source.startswith(CURATED_PREFIXES):
        return "curatedDataset"
    return "secondary"


def prov(rec, field, extra_note=None, derived=None):
    """Provenance keys for rec[field] (source, asOf, confidence, note)."""
    s, a, n = rec.get(field + "_source"), rec.get(field + "_as_of"), rec.get(field + "_note")
    out = {}
    if s is not None:
        out["source"] = s
    if a is not None:
        out["asOf"] = str(a)
    if rec.get(field) is not None:
        out["confidence"] = confidence(s, n)
    note = "; ".join(x for x in (n, extra_note) if x)
    if note:
        out["note"] = note
    if derived:
        out["derivedFrom"] = derived
    elif n and "DERIVED" in n:
        out["derivedFrom"] = [n]
    return out


def fig(rec, field, unit=None, scale=1.0, extra_note=None, integer=False, text=False):
    v = rec.get(field)
    if v is None:
        f = {"value": None}
    elif text:
        f = {"value": v}
    elif integer:
        f = {"value": int(v)}
    else:
        f = {"value": v * scale if scale != 1.0 else v}
        if unit:
            f["unit"] = unit
    f.update(prov(rec, field, extra_note))
    return f


# ---------------------------------------------------------------- accelerators
FAMILY = {
    "aws-inferentia1": ("Inferentia", "1", "asic"), "aws-inferentia2": ("Inferentia", "2", "asic"),
    "aws-trainium1": ("Trainium", "1", "asic"), "aws-trainium2": ("Trainium", "2", "asic"), "aws-trainium3": ("Trainium", "3", "asic"),
    "ms-maia100": ("Maia", "100", "asic"), "ms-maia200": ("Maia", "200", "asic"),
    "google-tpu-v4": ("TPU", "v4", "tpu"), "google-tpu-v5e": ("TPU", "v5e", "tpu"), "google-tpu-v5p": ("TPU", "v5p", "tpu"),
    "google-tpu-v6e": ("TPU", "v6e", "tpu"), "google-tpu7x-ironwood": ("TPU", "7x", "tpu"),
    "nvidia-a100-80gb-sxm": ("Ampere", "A100", "gpu"), "nvidia-h100-sxm": ("Hopper", "H100", "gpu"), "nvidia-h200-sxm": ("Hopper", "H200", "gpu"),
    "nvidia-b200": ("Blackwell", "B200", "gpu"), "nvidia-gb200": ("Blackwell", "GB200", "gpu"),
    "amd-mi300x": ("Instinct", "MI300X", "gpu"), "amd-mi325x": ("Instinct", "MI325X", "gpu"), "amd-mi355x": ("Instinct", "MI355X", "gpu"),
}
# Byte prefix of memory capacity as the source states it (catalog-notes.md and the _note fields).
BINARY_MEMORY = {"aws-inferentia1", "aws-inferentia2", "aws-trainium1", "aws-trainium2", "aws-trainium3", "google-tpu-v4", "google-tpu7x-ironwood"}
BINARY_INTERCONNECT = {"aws-inferentia2"}

accelerators = []
for a in src["accelerators"]:
    fam, gen, kind = FAMILY[a["id"]]
    mem_unit = "GiB" if a["id"] in BINARY_MEMORY else "GB"
    mem_note = None if a["id"] in BINARY_MEMORY else ("recorded as decimal GB (the source's 'GB')" if a["id"] != "google-tpu-v5p" else "recorded as decimal GB; sources conflict (GB vs GiB)")
    if a["id"] == "aws-inferentia1":
        bw = {"value": 50, "unit": "GiB/s"}
        bw.update(prov(a, "mem_bw_tbps", "stored as the doc states it (50 GiB/s); catalog-sources gives 0.0537 TB/s"))
    else:
        bw = fig(a, "mem_bw_tbps", "TB/s")
    rec = {
        "id": a["id"], "name": a["name"], "vendor": a["vendor"], "family": fam, "generation": gen, "kind": kind,
        "processNode": fig(a, "process_node", text=True),
        "launchYear": fig(a, "launch_year", integer=True),
        "memoryCapacity": fig(a, "hbm_gb", mem_unit, extra_note=mem_note),
        "memoryBandwidth": bw,
        "peakDense": {
            "bf16": fig(a, "bf16_tflops_dense", "TFLOPS"),
            "fp8": fig(a, "fp8_tflops_dense", "TFLOPS"),
            "fp4": fig(a, "fp4_tflops_dense", "TFLOPS"),
        },
        "peakSparse": {},
        "thermalDesignPower": fig(a, "tdp_w", "W"),
        "scaleUpBandwidth": fig(a, "interconnect_gbps_per_chip", "GiB/s" if a["id"] in BINARY_INTERCONNECT else "GB/s"),
        "scaleUpDomain": fig(a, "scale_up_domain_chips", integer=True),
    }
    if "fp8_tflops_sparse" in a:
        rec["peakSparse"]["fp8"] = fig(a, "fp8_tflops_sparse", "TFLOPS")
    accelerators.append(rec)

# The p4d.24xlarge carries the A100 40GB, which catalog-sources.json has no row for. Only what a source states is kept.
a100_src = next(a for a in src["accelerators"] if a["id"] == "nvidia-a100-80gb-sxm")
unknown = lambda why: {"value": None, "note": why}
NOT_IN_REF = "not in catalog-sources.json for the 40GB SKU; the A100 80GB row is not carried over"
accelerators.append({
    "id": "nvidia-a100-40gb-sxm", "name": "NVIDIA A100 40GB SXM4", "vendor": "NVIDIA", "family": "Ampere", "generation": "A100", "kind": "gpu",
    "processNode": unknown(NOT_IN_REF),
    "launchYear": {"value": 2020, "source": a100_src["launch_year_source"], "asOf": a100_src["launch_year_as_of"], "confidence": "curatedDataset",
                    "note": "Epoch row of the A100 80GB: '80GB release 2020-11-16 (40GB 2020-05-14)'"},
    "memoryCapacity": {"value": 40, "unit": "GB", "source": "github:aws/karpenter-provider-aws/website/content/en/preview/reference/instance-types.md@1d927085dd81a9df9301e613f371dac5b4d16bfe",
                        "asOf": "2026-08-21", "confidence": "vendor", "note": "accelerator of p4d.24xlarge as named in catalog-sources.json ('NVIDIA A100 40GB'); decimal GB"},
    "memoryBandwidth": unknown(NOT_IN_REF),
    "peakDense": {"bf16": unknown(NOT_IN_REF), "fp8": unknown("FP8 not supported on Ampere"), "fp4": unknown("not supported")},
    "peakSparse": {},
    "thermalDesignPower": unknown(NOT_IN_REF),
    "scaleUpBandwidth": unknown(NOT_IN_REF),
    "scaleUpDomain": unknown(NOT_IN_REF),
})

ACC_BY_LABEL = {
    "AWS Trainium": "aws-trainium1", "AWS Trainium2": "aws-trainium2", "AWS Inferentia2": "aws-inferentia2",
    "NVIDIA A100 40GB": "nvidia-a100-40gb-sxm", "NVIDIA H100 80GB": "nvidia-h100-sxm", "NVIDIA H200 141GB": "nvidia-h200-sxm",
    "NVIDIA B200": "nvidia-b200", "AMD MI300X": "amd-mi300x", "Google TPU v5e": "google-tpu-v5e", "Google TPU v5p": "google-tpu-v5p",
    "Google TPU v6e": "google-tpu-v6e",
}
PROVIDER = {"AWS": "aws", "Azure": "azure", "GCP": "gcp"}

# ---------------------------------------------------------------- instances
REGION = {
    "us-east-1": "us-east-1", "unspecified (source does not state; assumed US)": "unspecified", "unspecified": "unspecified",
    "us-east4 (us-central1 GPU row anomalous)": "us-east4", "us-central1": "us-central1", "US (unspecified)": "us-unspecified",
}
instances, offers = [], []
for i in src["instances"]:
    name = i["instance_type"]
    display = None
    if "(" in name:
        name, display = name.split(" (", 1)
        display = display.rstrip(")")
    per_chip = "per chip-hour" in i["instance_type"]
    if per_chip:
        name, display = i["id"].replace("gcp-", ""), i["instance_type"]
    inst = {
        "id": i["id"], "provider": PROVIDER[i["provider"]], "name": name,
        "acceleratorId": ACC_BY_LABEL[i["accelerator"]],
        "billing": "perAccelerator" if per_chip else "perInstance",
        "acceleratorCount": fig(i, "accelerator_count", integer=True),
    }
    if display:
        inst["displayName"] = display
    if per_chip:
        na = "not applicable: Cloud TPU is priced per chip-hour; host vCPUs, memory and network are not in the sources read"
        inst["vcpus"], inst["memory"], inst["networkBandwidth"], inst["scaleOutFabric"] = unknown(na), unknown(na), unknown(na), unknown(na)
    else:
        inst["vcpus"] = fig(i, "vcpu", integer=True)
        inst["memory"] = fig(i, "memory_gib", "GiB")
        inst["networkBandwidth"] = fig(i, "network_gbps", "Gbit/s")
        if i["id"] == "azure-nd96isr-mi300x-v5":
            inst["scaleOutFabric"] = {"value": "InfiniBand NDR 400G (8x ConnectX-7)", "source": i["network_gbps_source"], "asOf": i["network_gbps_as_of"],
                                      "confidence": "secondary", "note": i["network_gbps_note"]}
        else:
            inst["scaleOutFabric"] = unknown("scale-out fabric (EFA, InfiniBand) not stated in the sources read for this instance")
    instances.append(inst)

    region = REGION[i["region"]]

    def add_offer(field, option, region_=None, valid_from=None, valid_to=None, extra_note=None, suffix=None):
        if i.get(field) is None:
            return
        price = {"amount": i[field], "currency": "USD", "per": "h"}
        price.update(prov(i, field, extra_note))
        o = {"id": f"{i['id']}/{suffix or option['kind']}/{region_ or region}", "instanceId": i["id"], "region": region_ or region,
             "option": option, "hourlyPrice": price}
        if valid_from:
            o["validFrom"] = valid_from
        if valid_to:
            o["validTo"] = valid_to
        offers.append(o)

    def observed_from(as_of):
        """A price observed at a dated source is valid from that date (month start when only the month is known), open-ended."""
        s = str(as_of or "")
        try:
            return datetime.date.fromisoformat(s[:10]).isoformat()
        except ValueError:
            pass
        try:
            return datetime.date.fromisoformat(s[:7] + "-01").isoformat()
        except ValueError:
            # An undated source: its first evidence is the reference catalog that recorded it (meta.generated), so the
            # price is not valid before that date (never valid forever).
            return REFERENCE_GENERATED

    if i["provider"] != "AWS":
        add_offer("price_on_demand_usd_hr", {"kind": "onDemand"}, valid_from=observed_from(i.get("price_on_demand_usd_hr_as_of")))
        add_offer("price_spot_usd_hr", {"kind": "spot"}, valid_from=observed_from(i.get("price_spot_usd_hr_as_of")))
    kinds = {"AWS": ("savingsPlan", "AWS Savings Plan"), "Azure": ("reserved", "Azure reserved instance"), "GCP": ("committedUse", "GCP committed use discount")}
    k, label = kinds[i["provider"]]
    # The ESTIMATE rows end where additions.json (generate_additions.py) has the seller's published rate for the same
    # instance, region and term: from 2026-09-27, the day a third-party catalog read those rates, the estimate no longer applies.
    superseded = {("aws-p5.48xlarge", "us-east-1"), ("gcp-a3-ultragpu-8g", "us-central1")}
    for field, months in (("price_1yr_usd_hr", 12), ("price_3yr_usd_hr", 36)):
        ends = (i["id"], region) in superseded
        add_offer(field, {"kind": k, "termMonths": months}, valid_from=observed_from(i.get(field + "_as_of")), suffix=f"{k}-{months}m",
                  valid_to="2026-09-26" if ends else None,
                  extra_note=f"{label}, {months // 12}-year term; payment option not stated: hourly effective rate, no upfront recorded"
                             + ("; ends 2026-09-26: the published rate of 2026-09-27 (additions.json) replaces this estimate" if ends else ""))
    # Capacity blocks: region from the note; the late-2024 mirror says prices were to update on 2025-01-01.
    cb_region = {"aws-trn1.32xlarge": "ap-southeast-4", "aws-trn2.48xlarge": "us-east-2", "aws-p4d.24xlarge": "us-east-2", "aws-p5.48xlarge": "us-east-1",
                 "aws-p5e.48xlarge": "us-east-2", "aws-p5en.48xlarge": "unspecified", "aws-p6-b200.48xlarge": "unspecified"}.get(i["id"])
    if cb_region:
        as_of = i.get("price_capacity_block_usd_hr_as_of")
        if as_of == "2024-12":
            add_offer("price_capacity_block_usd_hr", {"kind": "capacityBlock"}, region_=cb_region, valid_from="2024-12-01", valid_to="2024-12-31",
                      extra_note="valid-from/to: the December-2024 mirror of the price page; the page says prices were scheduled to update on 2025-01-01")
        else:
            add_offer("price_capacity_block_usd_hr", {"kind": "capacityBlock"}, region_=cb_region, valid_from=observed_from(as_of))
    if i["id"] == "aws-trn1.32xlarge":
        # The trn1 note cites a second, later capacity-block figure from the same benchmark notes as trn2/p5en.
        trn2 = next(x for x in src["instances"] if x["id"] == "aws-trn2.48xlarge")
        offers.append({"id": "aws-trn1.32xlarge/capacityBlock/unspecified", "instanceId": i["id"], "region": "unspecified", "option": {"kind": "capacityBlock"},
                       "validFrom": "2026-05-01",
                       "hourlyPrice": {"amount": 9.532, "currency": "USD", "per": "h", "source": trn2["price_capacity_block_usd_hr_source"], "asOf": "2026-05",
                                       "confidence": "secondary",
                                       "note": "Capacity Block rate quoted in the benchmark notes (github file id 71232088802) that also quote trn2 and p5en; region unspecified; "
                                               "cited in the trn1 capacity-block note of catalog-sources.json ('$9.532/h per 2026 secondary note')"}})

# ---------------------------------------------------------------- AWS on-demand history -> dated offers
# Snapshot tuple: [karpenter commit (short), commit date, generated-at timestamp, {instance: USD/h}]. Dates use generated-at.
snaps = sorted(history, key=lambda s: s[2])
aws_ids = {x["instance_type"]: x["id"] for x in src["instances"] if x["provider"] == "AWS"}
import re
# Full commit hashes where catalog-sources.json names them (sources and notes); otherwise the snapshot's short hash.
full_commit = {h[:9]: h for h in re.findall(r"\b[0-9a-f]{40}\b", json.dumps(src))}
SOURCE = "github:aws/karpenter-provider-aws/pkg/providers/pricing/zz_generated.pricing_aws.go (AWS Pricing API snapshot for us-east-1, Linux on-demand)@{}"
for itype, iid in aws_ids.items():
    runs = []  # [price, first snapshot, last snapshot, count]
    for s in snaps:
        p = s[3].get(itype)
        if p is None:
            continue
        if runs and runs[-1][0] == p:
            runs[-1][2] = s
            runs[-1][3] += 1
        else:
            runs.append([p, s, s, 1])
    for k, (price, first, last, count) in enumerate(runs):
        valid_from = first[2][:10]
        valid_to = None
        if k + 1 < len(runs):
            nxt = datetime.date.fromisoformat(runs[k + 1][1][2][:10])
            valid_to = (nxt - datetime.timedelta(days=1)).isoformat()
        note = (f"seen in {count} AWS Pricing API snapshots generated {first[2][:10]}..{last[2][:10]} (Karpenter commits {first[0]}..{last[0]}); "
                + (f"next price first seen in the snapshot generated {runs[k + 1][1][2][:10]}, so this price is taken as valid until the day before; "
                   f"the change happened between {last[2][:10]} and {runs[k + 1][1][2][:10]}" if k + 1 < len(runs) else
                   "last snapshot read is 2026-07-20: open-ended (valid until a newer record overrides it); prices after 2026-07-20 were not observed"))
        offers.append({
            "id": f"{iid}/onDemand/us-east-1/{valid_from}", "instanceId": iid, "region": "us-east-1", "option": {"kind": "onDemand"},
            "validFrom": valid_from, **({"validTo": valid_to} if valid_to else {}),
            "hourlyPrice": {"amount": price, "currency": "USD", "per": "h", "source": SOURCE.format(full_commit.get(last[0], last[0])),
                            "asOf": last[2][:10], "confidence": "vendor", "note": note},
        })

# ---------------------------------------------------------------- providers and the seed article's competitor table
ARTICLE = ("Seed article 'AWS Booms but Amazon's Cash Flow Vanishes on AI Capex' (AI-curated news aggregator; original source: Huxiu), "
           "section 'Competitor Analysis' (shared/seed/000_e58296ae0857730c.txt)")
ARTICLE_AS_OF = "2026 (undated; reports AWS Q1-2026 results)"
def cell(text):
    return {"value": text, "source": ARTICLE, "asOf": ARTICLE_AS_OF, "confidence": "secondary"}
regions_used = {}
for o in offers:
    regions_used.setdefault(next(x["provider"] for x in instances if x["id"] == o["instanceId"]), set()).add(o["region"])
REGION_NAMES = {"us-east-1": "US East (N. Virginia)", "us-east-2": "US East (Ohio)", "ap-southeast-4": "Asia Pacific (Melbourne)",
                "unspecified": "region not stated by the source", "us-unspecified": "US, region not stated by the source"}
def regions(p):
    return [{"id": r, **({"name": REGION_NAMES[r]} if r in REGION_NAMES else {})} for r in sorted(regions_used.get(p, []))]
providers = [
    {"id": "aws", "name": "Amazon Web Services", "regions": regions("aws"),
     "positioning": {"label": "AWS (Trainium/Inferentia)", "families": ["Trainium", "Inferentia"], "architectureKind": "asic",
                     "primaryFocus": cell("Cost-optimized inference/training"), "chipArchitecture": cell("ASIC (Trainium)"),
                     "pricingModel": cell("Aggressive reserved instance discounts"), "benchmarkLead": cell("Price-performance for LLM inference")}},
    {"id": "azure", "name": "Microsoft Azure", "regions": regions("azure"),
     "positioning": {"label": "Microsoft Azure (Maia/Cobalt)", "families": ["Maia", "Cobalt"], "architectureKind": "asic",
                     "primaryFocus": cell("Integrated OpenAI ecosystem"), "chipArchitecture": cell("ASIC (Maia)"),
                     "pricingModel": cell("Bundled with M365/OpenAI credits"), "benchmarkLead": cell("Latency for GPT-4 workloads")}},
    {"id": "gcp", "name": "Google Cloud", "regions": regions("gcp"),
     "positioning": {"label": "Google Cloud (TPU v5p/v6)", "families": ["TPU"], "architectureKind": "tpu",
                     "primaryFocus": cell("High-performance TPU scaling"), "chipArchitecture": cell("ASIC (TPU)"),
                     "pricingModel": cell("Sustained use discounts"), "benchmarkLead": cell("Throughput for massive model training")}},
]

def write(name, doc):
    doc = {"$schema": "./catalog.schema.json", "formatVersion": 1, **doc}
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")

# Corrections to the reference (seeds/catalog/corrections.json, each value with its own source): applied last, so that
# regenerating keeps them.
with open(os.path.join(OUT, "corrections.json"), encoding="utf-8") as f:
    corrections = json.load(f)["corrections"]
by_id = {a["id"]: a for a in accelerators}
for c in corrections:
    target = by_id[c["accelerator"]]
    *parents, last = c["field"].split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = c["value"]

write("providers.json", {"providers": providers})
write("accelerators.json", {"accelerators": accelerators})
write("instances.json", {"instances": instances})
write("offers.json", {"offers": sorted(offers, key=lambda o: o["id"])})
print(len(providers), "providers,", len(accelerators), "accelerators,", len(instances), "instances,", len(offers), "offers")
# As-of values must be ISO dates: the reference's loose ones ("2024-12", "doc (undated)", "catalog commit ...") become the
# first day of the period or, for an undated source, the date the reference that read it was compiled (its meta
# "generated", 2026-11-29), the words moving to the note (tools/normalize_asof.py, idempotent).
import subprocess, sys
subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "normalize_asof.py"),
                "--read-on", "2026-11-29",
                *[os.path.join(OUT, n) for n in ("providers.json", "accelerators.json", "instances.json", "offers.json")]], check=True)
