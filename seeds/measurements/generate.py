#!/usr/bin/env python3
"""Builds seeds/measurements/<publisher>.json from figures transcribed by hand from the cited sources.

Every figure below is copied from the source named next to it (see README.md for the list of sources
and the conversion rules). Run from any directory:  python3 seeds/measurements/generate.py
Then validate with:                                  python3 seeds/measurements/check.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def row(**kw):
    """One measurement in the agreed field order (notes/MEASUREMENTS-FORMAT.md); note is optional."""
    order = ["id", "model", "accelerator", "chips", "tensorParallel", "pipelineParallel", "precision",
             "kvCachePrecision", "weightOnlyQuantization", "engine", "engineVersion", "promptTokens",
             "outputTokens", "mode", "concurrency", "outputTokensPerSecond", "reported",
             "timeToFirstTokenMs", "timePerOutputTokenMs", "source", "asOf", "note"]
    unknown = set(kw) - set(order)
    if unknown:
        raise ValueError(f"unknown fields {unknown}")
    out = {k: kw[k] for k in order if k in kw}
    missing = [k for k in order[:-1] if k not in out]
    if missing:
        raise ValueError(f"{kw.get('id')}: missing {missing}")
    return out


def write(name, publisher, rows):
    doc = {"$schema": "./measurements.schema.json", "formatVersion": 1, "publisher": publisher, "measurements": rows}
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{name}: {len(rows)} rows")


def isl_osl_id(isl, osl):
    return f"{isl}-{osl}"


# ---------------------------------------------------------------------------------------------------------
# NVIDIA TensorRT-LLM perf-overview (trtllm-bench throughput, offline max-throughput scenario).
# ---------------------------------------------------------------------------------------------------------
TRT_017_SOURCE = ("https://github.com/NVIDIA/TensorRT-LLM/blob/258c7540c03517def55d9a5aadfa9288af474e1b/"
                  "docs/source/performance/perf-overview.md")
TRT_017_ASOF = "2025-02-07"
TRT_017_DATE_NOTE = ("asOf is the TensorRT-LLM v0.17.0 release date (triton-inference-server/tensorrtllm_backend tag "
                     "v0.17.0, commit 368eea9b13481a342caec025022c08c37ab816e8 of 2025-02-07, pins TensorRT-LLM "
                     "350625cc1c0754882f764a6df5540e35caa48ef3); the page states 'All data in the table below was "
                     "generated using version 0.17'; the cited commit's own date could not be read offline.")
TRT_017_METRIC_NOTE = ("Table header 'Throughput (tokens / sec)' of the whole TP group: the page's own sample "
                       "trtllm-bench output prints 'Token Throughput (tokens/sec): 23405.93' for 3000 requests x 128 "
                       "output tokens in 16.406 s (= output tokens / total latency), so the figure is output tokens/s "
                       "of the deployment; copied unchanged.")
ISL_OSL = [(128, 128), (128, 2048), (128, 4096), (500, 2000), (1000, 1000), (2048, 128), (2048, 2048),
           (5000, 500), (20000, 2000)]

# (model, tp) -> list per ISL_OSL of (H200, H100, A100) ; None = blank cell in the table.
TRT_017 = {
    ("llama-3.1-8b", 1): [
        (29526.04, 28836.77, 6627.27), (25398.86, 21109.38, 5255.99), (17370.8, 13593.65, 3453.79),
        (21020.81, 16500.69, 4276.58), (17537.96, 15244.78, 3786.83), (3794.14, 3556.73, 799.61),
        (11968.5, 9488.42, 2424.16), (3987.79, 3559.36, 825.13), (1804.1, 1401.31, 330.04)],
    ("llama-3.1-70b", 1): [
        (4020.75, 3378.03, None), (4165.68, 911.62, None), (2651.75, 426.32, None),
        (3018.39, 775.57, None), (2823.45, 839.97, None), (465.99, 343.29, None),
        (1913.8, None, None), (560.16, 245.34, None), (279.52, None, None)],
    ("llama-3.1-70b", 2): [
        (6823.01, 6645.12, 1313.96), (8290.35, 6169.58, 531.26), (6526.67, 3897.06, None),
        (6848.02, 4972.57, 439.41), (5164.76, 4390.53, 472.94), (809, 772.66, 148.96),
        (4183.88, 2898.16, 261.1), (1025.38, 919.73, 121.47), (640.62, 443.01, None)],
    ("llama-3.1-70b", 4): [
        (11098.63, 11127.53, 2733.48), (14156, 11511.93, 2811.27), (10574.06, 7439.41, 1976.49),
        (12452.79, 9836.7, 2275.79), (8911.29, 7430.99, 1921.77), (1358.06, 1302.6, 325.15),
        (7130.44, 5480.03, 1393.64), (1811.55, 1602.78, 392.62), (1199.68, 920.19, 212.08)],
    ("llama-3.1-70b", 8): [
        (15355.84, 14730.69, 4717.62), (21195.88, 17061.82, 5241.5), (16941.52, 14171.43, 3724.67),
        (17278.4, 14679.33, 4445.37), (13181.24, 11451.16, 3320.41), (1983.03, 1923.41, 542.38),
        (11142.47, 8801.95, 2553.71), (2717.83, 2457.42, 696.34), (1920.45, 1512.6, 413.38)],
    ("llama-3.1-405b", 8): [
        (3874.19, None, None), (5938.09, None, None), (5168.37, None, None),
        (5084.29, None, None), (3399.69, None, None), (463.42, None, None),
        (2940.62, None, None), (669.13, None, None), (535.31, None, None)],
    ("mixtral-8x7b", 1): [
        (17157.72, 15962.49, None), (15095.21, 8290.13, None), (9534.62, 4784.86, None),
        (12105.27, 6800.6, None), (10371.36, 6868.52, None), (2009.67, 1892.81, None),
        (6940.32, 3983.1, None), (2309.1, 1764.7, None), (1151.78, 673.7, None)],
    ("mixtral-8x7b", 2): [
        (27825.34, 27451.13, 5541.47), (29584.05, 22830.08, 4169.78), (21564.68, 14237.01, 2608.05),
        (23410.63, 17036.04, 3446.37), (19151.19, 15770.89, 3154.52), (3383.16, 3333.68, 649),
        (14007.29, 10685.85, 2056.58), (4223.68, 3646.09, 724.44), (2299.21, 1757.45, 337.51)],
    ("mixtral-8x7b", 4): [
        (42551.59, 41068.23, 10324.28), (52291.78, 41164.73, 10911.86), (39513.73, 27912.48, 7666.51),
        (43818.99, 34489.34, 8456.21), (33580.9, 27784.74, 7122.84), (5467.62, 5234.98, 1237.62),
        (24980.93, 19432.08, 5222.98), (7084.94, 6401.56, 1500.55), (4236.84, 3303.83, 829.59)],
    ("mixtral-8x7b", 8): [
        (53212.55, 50849.55, 17043.54), (68608.45, 61607.7, 20277.88), (54827.78, 48280.37, 15282.89),
        (58706.39, 52583.65, 17184.24), (44705.48, 40631.71, 12851.44), (7554.38, 6988.18, 2165.52),
        (36193.64, 30983.35, 9809.76), (10271.8, 9210.11, 2761.28), (6835.53, 5602.43, 1592.53)],
}
TRT_017_GPUS = [
    # (column name as printed, catalog id, id tag, precision, kv precision, extra note)
    ("H200 141GB HBM3", "nvidia-h200-sxm", "h200", "fp8", "fp8",
     "Column 'H200 141GB HBM3' mapped to the SXM part (the later v1.0 perf-overview lists 'H200 SXM 141GB (DGX H200)' "
     "as its test hardware). FP8 engine built with 'trtllm-bench build --quantization FP8'; the page states 'If you "
     "specify FP8 quantization, the KV cache will automatically be set to FP8 as well'."),
    ("H100 80GB HBM3", "nvidia-h100-sxm", "h100", "fp8", "fp8",
     "Column 'H100 80GB HBM3' mapped to the SXM part (80 GB HBM3 is the SXM5 variant; the later v1.0 perf-overview "
     "lists 'H100 SXM 80GB (DGX H100)'). FP8 engine; the page states the KV cache is FP8 with FP8 quantization."),
    ("A100-SXM4-80GB", "nvidia-a100-80gb-sxm", "a100", "fp16", None,
     "Column 'A100-SXM4-80GB', precision row 'FP16' (engine built without --quantization); KV cache dtype not stated."),
]
MODEL_TAG = {"llama-3.1-8b": "LLaMA v3.1 8B", "llama-3.1-70b": "LLaMA v3.1 70B", "llama-3.1-405b": "LLaMA v3.1 405B",
             "mixtral-8x7b": "Mixtral 8x7B"}


def nvidia_rows():
    rows = []
    for (model, tp), cells in TRT_017.items():
        for (isl, osl), triple in zip(ISL_OSL, cells):
            for (col, acc, tag, prec, kv, gpu_note), value in zip(TRT_017_GPUS, triple):
                if value is None:
                    continue
                rows.append(row(
                    id=f"trtllm-0.17-{tag}-{model}-{prec}-tp{tp}-{isl_osl_id(isl, osl)}",
                    model=model, accelerator=acc, chips=tp, tensorParallel=tp, pipelineParallel=1,
                    precision=prec, kvCachePrecision=kv, weightOnlyQuantization=False,
                    engine="TensorRT-LLM", engineVersion="0.17", promptTokens=isl, outputTokens=osl,
                    mode="offline", concurrency=None, outputTokensPerSecond=float(value),
                    reported={"metric": f"Throughput (tokens / sec), {MODEL_TAG[model]}, TP {tp}, {col}, ISL/OSL {isl}, {osl}",
                              "value": float(value)},
                    timeToFirstTokenMs=None, timePerOutputTokenMs=None,
                    source=TRT_017_SOURCE, asOf=TRT_017_ASOF,
                    note=f"{TRT_017_METRIC_NOTE} {gpu_note} Synthetic dataset with fixed ISL/OSL (stdev 0), "
                         f"queued at an infinite rate (offline). {TRT_017_DATE_NOTE}"))
    return rows


# TensorRT-LLM perf-overview at a later commit (v1.0 docs): only the Blackwell columns (B200, GB200), which the
# v0.17 page does not have. Metric 'Total Output Throughput (tokens/sec)' of the TP group.
TRT_10_SOURCE = ("https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/"
                 "docs/source/performance/perf-overview.md")
TRT_10_ASOF = "2025-09-24"
TRT_10_DATE_NOTE = ("asOf is the TensorRT-LLM v1.0.0 release date (triton-inference-server/tensorrtllm_backend tag "
                    "v1.0.0, commit efb8a497eac3e16acf6f3ad250565465c80e6f0a of 2025-09-24, pins TensorRT-LLM "
                    "ae8270b713446948246f16fadf4e2a32e35d0f62); the cited page is the v1.0 revision (it announces data "
                    "'NEW for v1.0') but names no exact engine build, so engineVersion is null; the cited commit's own "
                    "date could not be read offline.")
ISL_OSL_10 = [(128, 128), (128, 2048), (128, 4096), (500, 2000), (1000, 1000), (1000, 2000), (2048, 128),
              (2048, 2048), (5000, 500), (20000, 2000)]
TRT_10 = {
    # (model, tp, model name as printed, FP4 checkpoint): [(B200, GB200) per ISL_OSL_10]
    ("llama-3.1-70b", 1, "Llama 3.3 70B", "nvidia/Llama-3.3-70B-Instruct-FP4"): [
        (11147, 12189), (9922, 11309), (6831, 7849), (7762, 9028), (7007, 7326), (6271, 6513), (1339, 1450),
        (4783, 5646), (1459, 1602), (665, 755)],
    ("llama-3.1-405b", 4, "Llama 3.1 405B", "nvidia/Llama-3.1-405B-Instruct-FP4"): [
        (6281, 6740), (8020, 8151), (6345, 6608), (6244, 6540), (5209, 5389), (4933, 5135), (749, 797),
        (4212, 4407), (1048, 1112), (672, 739)],
}


def nvidia_blackwell_rows():
    rows = []
    for (model, tp, printed, ckpt), cells in TRT_10.items():
        for (isl, osl), pair in zip(ISL_OSL_10, cells):
            for (col, acc, tag, hw), value in zip(
                    [("B200", "nvidia-b200", "b200", "B200 180GB (DGX B200)"),
                     ("GB200", "nvidia-gb200", "gb200", "GB200 192GB (GB200 NVL72)")], pair):
                mapping = (" Llama 3.3 70B has the same architecture as Llama 3.1 70B (80 layers, hidden 8192, 64 heads, "
                           "8 KV heads), so it is mapped to llama-3.1-70b." if printed.startswith("Llama 3.3") else "")
                rows.append(row(
                    id=f"trtllm-1.0-{tag}-{model}-fp4-tp{tp}-{isl_osl_id(isl, osl)}",
                    model=model, accelerator=acc, chips=tp, tensorParallel=tp, pipelineParallel=1,
                    precision="fp4", kvCachePrecision=None, weightOnlyQuantization=False,
                    engine="TensorRT-LLM", engineVersion=None, promptTokens=isl, outputTokens=osl,
                    mode="offline", concurrency=None, outputTokensPerSecond=float(value),
                    reported={"metric": f"Total Output Throughput (tokens/sec), {printed}, {col} TP{tp} (FP4), ISL/OSL {isl}/{osl}",
                              "value": float(value)},
                    timeToFirstTokenMs=None, timePerOutputTokenMs=None,
                    source=TRT_10_SOURCE, asOf=TRT_10_ASOF,
                    note=(f"The page states 'The reported metric is Total Output Throughput (tokens/sec)' (output "
                          f"tokens/s of the whole TP group; its sample output shows per-GPU = total for 1 GPU); copied "
                          f"unchanged. Hardware '{hw}'. Checkpoint {ckpt} (NVFP4, ModelOpt); KV-cache dtype not stated. "
                          f"PyTorch backend ('Starting with v0.19, testing was performed using the PyTorch backend'), "
                          f"synthetic fixed ISL/OSL, infinite request rate (offline).{mapping} {TRT_10_DATE_NOTE}")))
    return rows


# ---------------------------------------------------------------------------------------------------------
# AWS Neuron: aws-neuron-sdk performance tables (Transformers NeuronX) and the Trn2 Llama 3.3 70B tutorial.
# ---------------------------------------------------------------------------------------------------------
NEURON_COMMIT = "78169c6c6418b62e1853c29800eb8aadfc17f367"  # "Llama-3 inference samples and performance metrics update (#880)", 2024-04-30
NEURON_ASOF = "2024-04-30"
NEURON_FILES = {
    "inf2-throughput": "general/benchmarks/inf2/throughput_data_decoder.csv",
    "trn1-throughput": "general/benchmarks/trn1/throughput_data_decoder.csv",
    "inf2-latency": "general/benchmarks/inf2/latency_data_decoder.csv",
}
# (file, model as printed, instance, TP degree (NeuronCores), batch, input len, output len,
#  'Output Token Throughput (tokens/sec)', 'TTFT Latency P50 (ms)', 'TPOT Latency P50 (ms)', Neuron version,
#  'Weight Storage Data Type')
NEURON = [
    ("inf2-throughput", "Llama-3-8B", "Inf2.48xlarge", 24, 8, 128, 8064, 649.17, 68.95, 15.22, "2.18.1", "int8"),
    ("inf2-throughput", "Llama-3-8B", "Inf2.48xlarge", 24, 8, 4096, 4096, 521.96, 1992.59, 15.31, "2.18.1", "int8"),
    ("inf2-throughput", "Llama-3-8B", "Inf2.48xlarge", 24, 8, 128, 3968, 859.09, 66.02, 10.45, "2.18.1", "int8"),
    ("inf2-throughput", "Llama-3-8B", "Inf2.48xlarge", 24, 8, 2048, 2048, 759.15, 823.53, 10.5, "2.18.1", "int8"),
    ("inf2-throughput", "Llama-3-70B", "Inf2.48xlarge", 24, 1, 2048, 2048, 28.84, 745.49, 34.67, "2.18.1", "bf16"),
    ("inf2-throughput", "Llama-3-70B", "Inf2.48xlarge", 24, 1, 1024, 2048, 29.81, 312.86, 33.81, "2.18.1", "bf16"),
    ("inf2-throughput", "Llama-3-70B", "Inf2.48xlarge", 24, 1, 1024, 1024, 30.16, 310.18, 33.14, "2.18.1", "bf16"),
    ("inf2-throughput", "Llama-3-70B", "Inf2.48xlarge", 24, 1, 128, 1024, 30.82, 80, 32.47, "2.18.1", "bf16"),
    ("inf2-throughput", "Llama-3-70B", "Inf2.48xlarge", 24, 1, 256, 256, 30.9, 99.37, 32.48, "2.18.1", "bf16"),
    ("inf2-throughput", "Llama-3-70B", "Inf2.48xlarge", 24, 1, 128, 128, 31.28, 77.81, 32.2, "2.18.1", "bf16"),
    ("inf2-throughput", "Llama-2-70b", "Inf2.48xlarge", 24, 1, 128, 128, 30.06356, 76.59531, 32.89557, "2.18.0", "bf16"),
    ("inf2-throughput", "Llama-2-70b", "Inf2.48xlarge", 24, 1, 256, 256, 29.92419, 96.4396, 33.13422, "2.18.0", "bf16"),
    ("inf2-throughput", "Llama-2-70b", "Inf2.48xlarge", 24, 1, 128, 1024, 30.07017, 76.33042, 33.15115, "2.18.0", "bf16"),
    ("inf2-throughput", "Llama-2-70b", "Inf2.48xlarge", 24, 1, 1024, 1024, 29.426, 277.01592, 33.73241, "2.18.0", "bf16"),
    ("inf2-throughput", "Llama-2-70b", "Inf2.48xlarge", 24, 1, 1024, 2048, 28.91353, 275.96617, 34.81936, "2.18.0", "bf16"),
    ("inf2-throughput", "Llama-2-70b", "Inf2.48xlarge", 24, 1, 2048, 2048, 28.32725, 810.43696, 34.90329, "2.18.0", "bf16"),
    ("trn1-throughput", "Llama-3-8B", "trn1.32xlarge", 32, 8, 128, 8064, 933.50053, 55.16, 9.95, "2.18.1", "int8"),
    ("trn1-throughput", "Llama-3-8B", "trn1.32xlarge", 32, 8, 4096, 4096, 770.16291, 1265.95, 10.04, "2.18.1", "int8"),
    ("trn1-throughput", "Llama-3-8B", "trn1.32xlarge", 32, 8, 128, 3968, 1142.69582, 49.05, 7.65, "2.18.1", "int8"),
    ("trn1-throughput", "Llama-3-70B", "trn1.32xlarge", 32, 4, 2048, 2048, 120.3614, 1661.12, 32.33, "2.18.1", "bf16"),
    ("trn1-throughput", "Llama-3-70B", "trn1.32xlarge", 32, 4, 128, 1024, 140.51039, 129.86, 28.38, "2.18.1", "bf16"),
    ("trn1-throughput", "Llama-3-70B", "trn1.32xlarge", 32, 4, 128, 128, 138.01357, 130.37, 28.08, "2.18.1", "bf16"),
    ("trn1-throughput", "Llama-2-70b", "trn1.32xlarge", 32, 4, 128, 128, 141.45357, 156.84581, 26.72362, "2.18.0", "bf16"),
    ("trn1-throughput", "Llama-2-70b", "trn1.32xlarge", 32, 4, 256, 256, 143.42503, 270.15853, 26.9084, "2.18.0", "bf16"),
    ("trn1-throughput", "Llama-2-70b", "trn1.32xlarge", 32, 4, 128, 1024, 145.12799, 156.68869, 27.21453, "2.18.0", "bf16"),
    ("trn1-throughput", "Llama-2-70b", "trn1.32xlarge", 32, 4, 1024, 1024, 133.25056, 1478.64008, 28.55039, "2.18.0", "bf16"),
    ("trn1-throughput", "Llama-2-70b", "trn1.32xlarge", 32, 4, 1024, 2048, 129.27628, 1478.84846, 31.67439, "2.18.0", "bf16"),
    ("trn1-throughput", "Llama-2-70b", "trn1.32xlarge", 32, 4, 2048, 2048, 120.62953, 2722.03422, 31.78978, "2.18.0", "bf16"),
    # Batch-1 ('Real Time') rows of the inf2 latency table that are not already in the inf2 throughput table
    # (the Llama-3-70B and Llama-2-70b batch-1 rows there repeat the throughput table's rows exactly).
    ("inf2-latency", "Llama-3-8B", "Inf2.48xlarge", 24, 1, 128, 8064, 144.98, 29.47, 7.41, "2.18.1", "int8"),
    ("inf2-latency", "Llama-3-8B", "Inf2.48xlarge", 24, 1, 4096, 4096, 133.63, 209.37, 7.47, "2.18.1", "int8"),
    ("inf2-latency", "Llama-3-8B", "Inf2.48xlarge", 24, 1, 128, 3968, 161.67, 25, 6.42, "2.18.1", "int8"),
    ("inf2-latency", "Llama-3-8B", "Inf2.48xlarge", 24, 1, 2048, 2048, 153.58, 101.81, 6.5, "2.18.1", "int8"),
]
NEURON_MODEL = {
    "Llama-3-8B": ("llama-3.1-8b", " Llama 3 8B (meta-llama/Meta-Llama-3-8B) has the same layer shapes as Llama 3.1 8B "
                   "(32 layers, hidden 4096, 32 heads, 8 KV heads, vocabulary 128256; only the context length and RoPE "
                   "scaling differ), so it is mapped to llama-3.1-8b."),
    "Llama-3-70B": ("llama-3.1-70b", " Llama 3 70B has the same layer shapes as Llama 3.1 70B (80 layers, hidden 8192, "
                    "64 heads, 8 KV heads; only the context length and RoPE scaling differ), so it is mapped to "
                    "llama-3.1-70b."),
    "Llama-2-70b": ("llama-2-70b", ""),
}
NEURON_ACC = {
    "Inf2.48xlarge": ("aws-inferentia2", "inf2", 2,
                      "inf2.48xlarge: 'TP Degree' counts NeuronCores; each Inferentia2 chip has two NeuronCore-v2 "
                      "(aws-neuron-sdk about-neuron/arch/neuron-hardware/inferentia2.rst), so TP 24 = 12 chips."),
    "trn1.32xlarge": ("aws-trainium1", "trn1", 2,
                      "trn1.32xlarge: 'TP Degree' counts NeuronCores; each Trainium chip has two NeuronCore-v2 "
                      "(aws-neuron-sdk about-neuron/arch/neuron-hardware/trainium.rst), so TP 32 = 16 chips."),
}


def neuron_rows():
    rows = []
    for (f, printed, inst, tp_cores, batch, isl, osl, tput, ttft, tpot, ver, wdt) in NEURON:
        model, mapping = NEURON_MODEL[printed]
        acc, tag, cores_per_chip, acc_note = NEURON_ACC[inst]
        chips = tp_cores // cores_per_chip
        weight_only = wdt == "int8"
        prec = "int8" if weight_only else "bf16"
        prec_note = ("Columns 'Model Data Type' FP16, 'Compilation Autocast Data Type' Matmult-BF16, 'Weight Storage Data "
                     "Type' int8: int8 weight storage with 16-bit compute, recorded as precision int8 with "
                     "weightOnlyQuantization true." if weight_only else
                     "Columns 'Model Data Type' FP16, 'Compilation Autocast Data Type' Matmult-BF16, 'Weight Storage "
                     "Data Type' bf16: recorded as bf16.")
        kind = "throughput" if "throughput" in f else "latency"
        rows.append(row(
            id=f"neuron-{ver}-{tag}-{model}-{prec}-tp{chips}-bs{batch}-{isl_osl_id(isl, osl)}",
            model=model, accelerator=acc, chips=chips, tensorParallel=chips, pipelineParallel=1,
            precision=prec, kvCachePrecision=None, weightOnlyQuantization=weight_only,
            engine="Transformers NeuronX", engineVersion=f"Neuron SDK {ver}", promptTokens=isl, outputTokens=osl,
            mode="concurrency", concurrency=batch, outputTokensPerSecond=float(tput),
            reported={"metric": f"Output Token Throughput (tokens/sec) ({inst}, {printed}, TP Degree {tp_cores}, Batch Size {batch})",
                      "value": float(tput)},
            timeToFirstTokenMs=float(ttft), timePerOutputTokenMs=float(tpot),
            source=f"https://github.com/aws-neuron/aws-neuron-sdk/blob/{NEURON_COMMIT}/{NEURON_FILES[f]}",
            asOf=NEURON_ASOF,
            note=(f"Output tokens/s of the whole instance as printed (one model replica on all {tp_cores} NeuronCores); "
                  f"copied unchanged. {acc_note} Fixed batch size {batch} recorded as concurrency. TTFT and TPOT are "
                  f"the table's P50 columns. {prec_note}{mapping} The same rows are unchanged at aws-neuron-sdk commit "
                  f"81ce03ae261e12925e53437a0f690478e6366155 (about-neuron/benchmarks/{tag}/{kind}_data_decoder.csv).")))
    # Trn2 tutorial: one LLMPerf run, Llama 3.3 70B BF16 on trn2.48xlarge, batch 1, no speculative decoding.
    rows.append(row(
        id="nxdi-trn2-llama-3.1-70b-bf16-tp16-c1-10000-1500",
        model="llama-3.1-70b", accelerator="aws-trainium2", chips=16, tensorParallel=16, pipelineParallel=1,
        precision="bf16", kvCachePrecision=None, weightOnlyQuantization=False,
        engine="NxD Inference (vLLM, AWS Neuron fork)", engineVersion=None, promptTokens=10000, outputTokens=1500,
        mode="concurrency", concurrency=1, outputTokensPerSecond=36.55567822866449,
        reported={"metric": "LLMPerf 'Overall Output Throughput' (Scenario 1, no speculative decoding)",
                  "value": 36.55567822866449},
        timeToFirstTokenMs=814.2827898263931, timePerOutputTokenMs=19.65969146322459,
        source=("https://github.com/aws-neuron/aws-neuron-sdk/blob/81ce03ae261e12925e53437a0f690478e6366155/"
                "libraries/nxd-inference/tutorials/trn2-llama3.3-70b-tutorial.rst"),
        asOf="2026-02-26",
        note=("Sample output printed in the tutorial (Scenario 1: Llama 3.3 70B in bfloat16 on Trn2, batch size 1, "
              "--num-concurrent-requests 1, 50 requests, --mean-input-tokens 10000, --mean-output-tokens 1500, "
              "number_output_tokens mean 1501.04); output tokens/s copied unchanged. Deployment: NUM_CORES=128, "
              "TP_DEGREE=64, LNC=2 on trn2.48xlarge; each Trainium2 chip has eight NeuronCore-v3 "
              "(about-neuron/arch/neuron-hardware/trainium2.rst), so 128 physical cores = 16 chips, TP 64 logical "
              "cores = TP over all 16 chips. TTFT is the printed ttft_s p50 (0.8143 s; the mean 11.5 s includes "
              "queueing), TPOT the printed inter_token_latency_s p50. Llama 3.3 70B mapped to llama-3.1-70b (same "
              "architecture). asOf is the date of the last commit touching the tutorial in the snapshot "
              "(86a9286833dc2a1cd23b674f7081061924aa587a, 2026-02-26); the Neuron SDK version is not stated.")))
    return rows


if __name__ == "__main__":
    write("nvidia-tensorrt-llm.json", "NVIDIA (TensorRT-LLM performance overview)", nvidia_rows() + nvidia_blackwell_rows())
    write("aws-neuron.json", "AWS (Neuron SDK documentation)", neuron_rows())
