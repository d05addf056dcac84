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



# ---------------------------------------------------------------------------------------------------------
# AMD: ROCm/vllm docs/dev-docker/README.md, "Latency Measurements" (vLLM benchmark_latency.py, MI300X, TP 8).
# ---------------------------------------------------------------------------------------------------------
AMD_COMMIT = "7802e2b729300adb67a665783292cd25684d1292"  # "Added missing latency results", 2025-08-14
AMD_SOURCE = f"https://github.com/ROCm/vllm/blob/{AMD_COMMIT}/docs/dev-docker/README.md"
AMD_ASOF = "2025-08-14"
# (model id, model as printed, batch size, input, output, 'MI300X Latency (sec)')
AMD_LATENCY = [
    ("llama-3.1-70b", "Llama 3.1 70B (amd/Llama-3.1-70B-Instruct-FP8-KV)", b, i, o, l) for (b, i, o, l) in [
        (1, 128, 2048, 17.188), (2, 128, 2048, 17.827), (4, 128, 2048, 18.492), (8, 128, 2048, 20.227),
        (16, 128, 2048, 21.565), (32, 128, 2048, 24.999), (64, 128, 2048, 32.641), (128, 128, 2048, 46.195),
        (1, 2048, 2048, 17.214), (2, 2048, 2048, 18.012), (4, 2048, 2048, 18.984), (8, 2048, 2048, 20.111),
        (16, 2048, 2048, 22.547), (32, 2048, 2048, 25.987), (64, 2048, 2048, 34.961), (128, 2048, 2048, 52.283)]
] + [
    ("llama-3.1-405b", "Llama 3.1 405B (amd/Llama-3.1-405B-Instruct-FP8-KV)", b, i, o, l) for (b, i, o, l) in [
        (1, 128, 2048, 48.824), (2, 128, 2048, 49.739), (4, 128, 2048, 52.271), (8, 128, 2048, 54.534),
        (16, 128, 2048, 58.010), (32, 128, 2048, 68.460), (64, 128, 2048, 88.252), (128, 128, 2048, 118.212),
        (1, 2048, 2048, 48.977), (2, 2048, 2048, 49.881), (4, 2048, 2048, 52.278), (8, 2048, 2048, 54.932),
        (16, 2048, 2048, 59.072), (32, 2048, 2048, 70.350), (64, 2048, 2048, 91.294), (128, 2048, 2048, 126.984)]
]


def amd_rows():
    rows = []
    for model, printed, bs, isl, osl, latency in AMD_LATENCY:
        tps = round(bs * osl / latency, 3)
        rows.append(row(
            id=f"rocm-vllm-0.10.0-mi300x-{model}-fp8-tp8-bs{bs}-{isl_osl_id(isl, osl)}",
            model=model, accelerator="amd-mi300x", chips=8, tensorParallel=8, pipelineParallel=1,
            precision="fp8", kvCachePrecision=None, weightOnlyQuantization=False,
            engine="vLLM (ROCm fork, rocm/vllm-dev docker)", engineVersion="0.10.0", promptTokens=isl, outputTokens=osl,
            mode="concurrency", concurrency=bs, outputTokensPerSecond=tps,
            reported={"metric": f"MI300X Latency (sec), {printed}, TP 8, Batch Size {bs}, Input {isl}, Output {osl}",
                      "value": latency},
            timeToFirstTokenMs=None, timePerOutputTokenMs=None,
            source=AMD_SOURCE, asOf=AMD_ASOF,
            note=(f"Converted: batch size x output length / latency = {bs} x {osl} / {latency} s = {tps} output tokens/s "
                  f"for the whole 8-GPU TP group. The README states the figures come from vLLM's benchmark_latency.py "
                  f"('measures end-to-end latency for a specified model, input/output length, and batch size'; "
                  f"benchmark scripts from vLLM v0.8.5): each timed iteration is one llm.generate call on batch-size "
                  f"prompts of input-len random tokens with SamplingParams(max_tokens=output-len, ignore_eos=True) "
                  f"(benchmarks/benchmark_latency.py in the same repository, lines 61-94 at {AMD_COMMIT}), so every "
                  f"request produces exactly {osl} tokens and the printed 'Avg latency' covers {bs * osl} output tokens. "
                  f"Prefill time is included, so this is end-to-end (not decode-only) throughput at a fixed batch. "
                  f"Precision 'FP8' (AMD Quark w_fp8_a_fp8 checkpoint {printed.split('(')[1].rstrip(')')}); the "
                  f"latency command passes no --kv-cache-dtype, so the KV-cache dtype is not stated. Docker "
                  f"rocm/vllm-dev rocm6.4.1_vllm_0.10.0_20250812 (README: ROCm 6.4.1, vLLM v0.10.0); Supermicro "
                  f"AS-8125GS-TNMR2, 8x AMD Instinct MI300X (192GiB, 750W).")))
    return rows


# ---------------------------------------------------------------------------------------------------------
# dstack: DeepSeek-R1 on 8x H200 and 8x MI300X (SGLang, vLLM, TensorRT-LLM), raw result CSVs in dstackai/benchmarks.
# ---------------------------------------------------------------------------------------------------------
DSTACK_COMMIT = "7f37e6697725e58dd09b9ef190b62ce19f01d45e"  # branch deepseek-r1-benchmark, "Add raw_data", 2025-03-18
DSTACK_BASE = f"https://github.com/dstackai/benchmarks/blob/{DSTACK_COMMIT}/Deepseek-R1"
DSTACK_ASOF = "2025-03-18"
# (GPU, backend, input_len, output_len, elapsed_time, num_requests, total_output_tokens) from raw_data/offline_results.csv
DSTACK_OFFLINE = [
    ('mi300', 'vllm', 3200, 800, 755.7529773, 1024, 819200),
    ('mi300', 'vllm', 3200, 800, 376.5443939, 512, 409600),
    ('mi300', 'vllm', 3200, 800, 187.5629417, 256, 204800),
    ('mi300', 'vllm', 3200, 800, 110.4265853, 128, 102400),
    ('mi300', 'vllm', 3200, 800, 74.39861901, 64, 51200),
    ('mi300', 'vllm', 3200, 800, 56.60333672, 32, 25600),
    ('mi300', 'vllm', 3200, 1600, 106.6691427, 32, 51200),
    ('mi300', 'vllm', 3200, 1600, 134.0326467, 64, 102400),
    ('mi300', 'vllm', 3200, 1600, 186.3907014, 128, 204800),
    ('mi300', 'vllm', 3200, 1600, 337.2495072, 256, 409600),
    ('mi300', 'vllm', 3200, 1600, 677.4777513, 512, 819200),
    ('mi300', 'vllm', 3200, 1600, 1356.931249, 1024, 1638400),
    ('h200', 'sglang', 3200, 800, 75.97939109, 32, 25600),
    ('h200', 'sglang', 3200, 800, 93.39763713, 64, 51200),
    ('h200', 'sglang', 3200, 800, 130.216062, 128, 102400),
    ('h200', 'sglang', 3200, 800, 194.0358796, 256, 204800),
    ('h200', 'sglang', 3200, 800, 324.5106853, 512, 409600),
    ('h200', 'sglang', 3200, 800, 708.2590959, 1024, 819200),
    ('h200', 'sglang', 3200, 1600, 1051.181447, 1024, 1638400),
    ('h200', 'sglang', 3200, 1600, 491.0436949, 512, 819200),
    ('h200', 'sglang', 3200, 1600, 283.7662594, 256, 409600),
    ('h200', 'sglang', 3200, 3200, 479.0931558, 256, 819200),
    ('h200', 'sglang', 3200, 3200, 988.8461533, 512, 1638400),
    ('h200', 'sglang', 3200, 3200, 1877.895927, 1024, 3276800),
    ('h200', 'vllm', 3200, 800, 48.66099514, 32, 25600),
    ('h200', 'vllm', 3200, 800, 63.41331285, 64, 51200),
    ('h200', 'vllm', 3200, 800, 136.2708716, 128, 102400),
    ('h200', 'vllm', 3200, 800, 233.7544293, 256, 204800),
    ('h200', 'vllm', 3200, 800, 426.1915829, 512, 409600),
    ('h200', 'vllm', 3200, 800, 837.3510345, 1024, 819200),
    ('h200', 'vllm', 3200, 1600, 419.3749264, 256, 409600),
    ('h200', 'vllm', 3200, 1600, 819.8293698, 512, 819200),
    ('h200', 'vllm', 3200, 1600, 1568.906264, 1024, 1638400),
    ('mi300', 'sglang', 3200, 800, 70.52596503, 32, 25600),
    ('mi300', 'sglang', 3200, 800, 98.56670938, 64, 51200),
    ('mi300', 'sglang', 3200, 800, 153.8700992, 128, 102400),
    ('mi300', 'sglang', 3200, 800, 237.7561217, 256, 204800),
    ('mi300', 'sglang', 3200, 800, 521.9531262, 512, 409600),
    ('mi300', 'sglang', 3200, 800, 1070.26106, 1024, 819200),
    ('mi300', 'sglang', 3200, 1600, 115.8305351, 32, 51200),
    ('mi300', 'sglang', 3200, 1600, 158.1182626, 64, 102400),
    ('mi300', 'sglang', 3200, 1600, 243.3420133, 128, 204800),
    ('mi300', 'sglang', 3200, 1600, 450.207134, 256, 409600),
    ('mi300', 'sglang', 3200, 1600, 828.9745548, 512, 819200),
    ('mi300', 'sglang', 3200, 1600, 1545.53858, 1024, 1638400),
    ('mi300', 'sglang', 3200, 3200, 846.632748, 256, 819200),
    ('mi300', 'sglang', 3200, 3200, 1528.6886, 512, 1638400),
    ('mi300', 'sglang', 3200, 3200, 3158.724304, 1024, 3276800),
    ('mi300', 'vllm', 3200, 3200, 744.9976375, 256, 819200),
    ('mi300', 'vllm', 3200, 3200, 1446.375532, 512, 1638400),
    ('mi300', 'vllm', 3200, 3200, 2698.302436, 1024, 3276800),
    ('h200', 'trt-llm', 3200, 800, 86.72178947, 32, 25600),
    ('h200', 'trt-llm', 3200, 800, 161.9726448, 64, 51200),
    ('h200', 'trt-llm', 3200, 800, 269.2303547, 128, 102400),
    ('h200', 'trt-llm', 3200, 800, 525.2785258, 256, 204800),
    ('h200', 'trt-llm', 3200, 800, 993.3826171, 512, 409600),
    ('h200', 'trt-llm', 3200, 800, 1970.376145, 1024, 819200),
    ('h200', 'trt-llm', 3200, 1600, 1097.471352, 256, 409600),
    ('h200', 'trt-llm', 3200, 1600, 2102.161815, 512, 819200),
    ('h200', 'trt-llm', 3200, 1600, 4197.915094, 1024, 1638400),
    ('h200', 'trt-llm', 3200, 3200, 2686.796911, 256, 819200),
    ('h200', 'trt-llm', 3200, 3200, 5328.960481, 512, 1638400),
    ('h200', 'trt-llm', 3200, 3200, 10498.59797, 1024, 3276800),
]
# (GPU, backend, max_concurrency, random_input_len, random_output_len, completed, total_output_tokens, duration, output_throughput, mean_ttft_ms, mean_tpot_ms) from raw_data/online_results.csv, dataset_name 'random' rows only
DSTACK_ONLINE = [
    ('mi300x', 'vllm', 128, 3200, 800, 500, 400000, 437.2835269, 914.7383228, 22245.64614, 109.0719536),
    ('mi300x', 'vllm', 64, 3200, 800, 500, 400000, 595.3813199, 671.838344, 12233.66578, 77.96798761),
    ('mi300x', 'vllm', 32, 3200, 800, 500, 400000, 903.7985372, 442.5765074, 7110.186408, 61.93423014),
    ('mi300x', 'vllm', 16, 3200, 800, 500, 400000, 1549.519845, 258.1444835, 4261.061847, 55.57127128),
    ('mi300x', 'vllm', 8, 3200, 800, 500, 400000, 2699.155949, 148.1944755, 2231.22975, 50.87484791),
    ('mi300x', 'vllm', 4, 3200, 800, 500, 400000, 4772.005034, 83.82220831, 1259.239487, 46.20285759),
    ('h200', 'sglang', 128, 3200, 800, 500, 400000, 498.4157204, 802.5429047, 36230.47317, 110.7541571),
    ('h200', 'sglang', 64, 3200, 800, 500, 400000, 677.0724055, 590.7787657, 20637.10398, 80.24293781),
    ('h200', 'sglang', 32, 3200, 800, 500, 400000, 986.3309389, 405.5433975, 10992.45549, 63.63639162),
    ('h200', 'sglang', 16, 3200, 800, 500, 400000, 1560.950239, 256.254165, 7121.727302, 52.50769014),
    ('h200', 'sglang', 8, 3200, 800, 500, 400000, 2436.874265, 164.144702, 3673.555472, 43.81888046),
    ('h200', 'sglang', 4, 3200, 800, 500, 400000, 4841.07457, 82.62628352, 3903.903552, 43.58305979),
    ('mi300x', 'sglang', 4, 3200, 800, 500, 400000, 3694.999057, 108.2544255, 1644.592794, 34.93687731),
    ('mi300x', 'sglang', 8, 3200, 800, 500, 400000, 2103.99787, 190.1142609, 2462.127757, 38.75499567),
    ('mi300x', 'sglang', 16, 3200, 800, 500, 400000, 1329.010279, 300.9758512, 4186.809573, 47.0948801),
    ('mi300x', 'sglang', 32, 3200, 800, 500, 400000, 877.5354637, 455.822034, 7397.84833, 59.62448543),
    ('mi300x', 'sglang', 64, 3200, 800, 500, 400000, 653.232133, 612.3397485, 13925.27274, 84.94547977),
    ('mi300x', 'sglang', 128, 3200, 800, 500, 400000, 542.6540127, 737.1179253, 27308.81256, 135.7318958),
    ('h200', 'vllm', 128, 3200, 800, 500, 400000, 537.0692497, 744.7829125, 66811.62239, 71.85856239),
    ('h200', 'vllm', 64, 3200, 800, 500, 400000, 527.4412847, 758.3782529, 14164.37107, 65.61773396),
    ('h200', 'vllm', 32, 3200, 800, 500, 400000, 779.9469047, 512.8554233, 7650.775142, 51.66990612),
    ('h200', 'vllm', 16, 3200, 800, 500, 400000, 1360.237528, 294.0662875, 3368.606197, 49.60112449),
    ('h200', 'vllm', 8, 3200, 800, 500, 400000, 1683.578366, 237.589178, 1765.745119, 31.28089729),
    ('h200', 'vllm', 4, 3200, 800, 500, 400000, 2692.129782, 148.581247, 975.6508477, 25.72997376),
    ('h200', 'trt-llm', 4, 3200, 800, 500, 400000, 5630.817355, 71.03764423, 1003.803258, 55.12166024),
    ('h200', 'trt-llm', 8, 3200, 800, 500, 400000, 2926.878109, 136.6643861, 1782.351533, 55.92456844),
    ('h200', 'trt-llm', 16, 3200, 800, 500, 400000, 1556.792678, 256.9385157, 2750.928874, 57.55228227),
    ('h200', 'trt-llm', 32, 3200, 800, 500, 400000, 886.2449776, 451.3424732, 3306.306837, 65.45835832),
    ('h200', 'trt-llm', 64, 3200, 800, 500, 400000, 552.5646811, 723.8971539, 4158.667155, 81.6485076),
    ('h200', 'trt-llm', 128, 3200, 800, 500, 400000, 478.9273625, 835.199722, 31645.64042, 100.239486),
    ('h200', 'vllm', 128, 3200, 1600, 500, 800000, 1024.547403, 780.8325879, 116121.7992, 73.86396926),
    ('h200', 'vllm', 128, 3200, 3200, 500, 1600000, 2139.667426, 747.7797625, 250207.2416, 76.04368982),
    ('h200', 'vllm', 128, 3200, 6400, 500, 3200000, 8490.245468, 376.9031192, 1059605.396, 133.1230548),
    ('mi300x', 'sglang', 128, 3200, 3200, 500, 1600000, 1670.720756, 957.6705109, 27824.34941, 121.9050897),
    ('mi300x', 'sglang', 128, 3200, 1600, 500, 800000, 898.4991581, 890.373678, 27706.32235, 123.2047534),
    ('mi300x', 'sglang', 128, 3200, 6400, 499, 3193600, 3720.564894, 858.3642784, 35202.17118, 137.7621777),
    ('mi300x', 'vllm', 128, 3200, 1600, 500, 800000, 745.7500988, 1072.745416, 22502.75001, 102.5909757),
    ('mi300x', 'vllm', 128, 3200, 3200, 500, 1600000, 1407.713437, 1136.594962, 22143.35855, 103.1311934),
    ('h200', 'sglang', 128, 3200, 1600, 500, 800000, 783.4638658, 1021.106441, 35417.987, 100.4008092),
    ('h200', 'sglang', 128, 3200, 3200, 500, 1600000, 1367.739974, 1169.812998, 32593.70738, 96.69052681),
    ('mi300x', 'vllm', 128, 3200, 6400, 500, 3200000, 3373.352787, 948.6111303, 28339.55226, 127.9427978),
    ('h200', 'sglang', 128, 3200, 6400, 500, 3200000, 2674.295252, 1196.576929, 31927.771, 99.47912898),
    ('h200', 'trt-llm', 128, 3200, 1600, 500, 800000, 990.3194689, 807.8201279, 84655.11882, 89.0816028),
    ('h200', 'trt-llm', 128, 3200, 3200, 500, 1600000, 2258.156354, 708.5426115, 264343.5858, 78.20223889),
    ('h200', 'trt-llm', 128, 3200, 6400, 500, 3200000, 6811.496326, 469.7939846, 1046939.123, 81.526825),
]

DSTACK_ACC = {"h200": ("nvidia-h200-sxm", "h200", "8x NVIDIA H200 SXM5 141GB 700W"),
              "mi300": ("amd-mi300x", "mi300x", "8x AMD MI300X 192GB 750W"),
              "mi300x": ("amd-mi300x", "mi300x", "8x AMD MI300X 192GB 750W")}
# (engine name, version, parallelism note, precision, precision note) per (GPU, backend, online?) from Deepseek-R1/README.md
_FP8_NOTE = ("Serves the deepseek-ai/DeepSeek-R1 checkpoint as published (FP8 weights), recorded as fp8; "
             "KV-cache dtype not stated.")
DSTACK_ENGINE = {
    ("h200", "sglang", True): ("SGLang", "0.4.3.post2", "--tp 8 --enable-dp-attention (data-parallel attention, TP 8 for the rest)", "fp8", _FP8_NOTE),
    ("h200", "sglang", False): ("SGLang", "0.4.3.post2", "offline engine via the modified vLLM benchmark_throughput.py, --tensor-parallel-size=8", "fp8", _FP8_NOTE),
    ("mi300x", "sglang", True): ("SGLang", "0.4.2.post4", "--tp 8 (image rocm/sglang-staging:20250212)", "fp8", _FP8_NOTE),
    ("mi300x", "sglang", False): ("SGLang", "0.4.2.post4", "offline engine via the modified vLLM benchmark_throughput.py, --tensor-parallel-size=8", "fp8", _FP8_NOTE),
    ("h200", "vllm", True): ("vLLM", "0.7.4.dev181+gf35f8e22", "--tensor-parallel-size 8, VLLM_ATTENTION_BACKEND=FLASHMLA", "fp8", _FP8_NOTE),
    ("h200", "vllm", False): ("vLLM", "0.7.4.dev181+gf35f8e22", "benchmark_throughput.py --tensor-parallel-size=8", "fp8", _FP8_NOTE),
    ("mi300x", "vllm", True): ("vLLM (ROCm, rocm/vllm-dev:vllm-ds3-staging-0217)", "0.7.3.dev138+g21f6ca217", "--tensor-parallel-size 8", "fp8", _FP8_NOTE),
    ("mi300x", "vllm", False): ("vLLM (ROCm, rocm/vllm-dev:vllm-ds3-staging-0217)", "0.7.3.dev138+g21f6ca217", "benchmark_throughput.py --tensor-parallel-size=8", "fp8", _FP8_NOTE),
    ("h200", "trt-llm", True): ("TensorRT-LLM (PyTorch backend, trtllm-serve)", "0.17.post1.dev", "--tp_size 8 --ep_size 4 --pp_size 1 (image built from TensorRT-LLM commit 9b931c0f6305aefa3660e6fb84a76a42c0eef167)", "fp8", _FP8_NOTE),
    ("h200", "trt-llm", False): ("TensorRT-LLM (engine from the 'deepseek' branch)", None, "engine built with convert_checkpoint.py --tp_size 8 and trtllm-build, run by the custom benchmark_throughput_trt.py --tensor-parallel-size=8", "bf16",
                                 "The offline TensorRT-LLM engine was converted with '--dtype bfloat16' and built with '--gemm_plugin bfloat16', so it is recorded as bf16; KV-cache dtype not stated."),
}
_R1_NOTE = ("DeepSeek-R1 is mapped to deepseek-v3: its Hugging Face model card states that DeepSeek-R1-Zero and "
            "DeepSeek-R1 are trained based on DeepSeek-V3-Base (671B total / 37B activated parameters, same "
            "DeepseekV3ForCausalLM architecture).")


def dstack_rows():
    rows = []
    for gpu, backend, isl, osl, elapsed, nreq, out_tokens in DSTACK_OFFLINE:
        acc, tag, hw = DSTACK_ACC[gpu]
        engine, ver, par, prec, prec_note = DSTACK_ENGINE[(tag, backend, False)]
        tps = round(out_tokens / elapsed, 3)
        rows.append(row(
            id=f"dstack-r1-offline-{tag}-{backend}-deepseek-v3-{prec}-tp8-n{nreq}-{isl_osl_id(isl, osl)}",
            model="deepseek-v3", accelerator=acc, chips=8, tensorParallel=8, pipelineParallel=1,
            precision=prec, kvCachePrecision=None, weightOnlyQuantization=False,
            engine=engine, engineVersion=ver, promptTokens=isl, outputTokens=osl,
            mode="offline", concurrency=nreq, outputTokensPerSecond=tps,
            reported={"metric": f"offline_results.csv elapsed_time (s) for total_output_tokens {out_tokens} (GPU {gpu}, backend {backend}, num_requests {nreq})",
                      "value": float(elapsed)},
            timeToFirstTokenMs=None, timePerOutputTokenMs=None,
            source=f"{DSTACK_BASE}/raw_data/offline_results.csv", asOf=DSTACK_ASOF,
            note=(f"Converted from the CSV's own columns: total_output_tokens {out_tokens} / elapsed_time {elapsed} s = "
                  f"{tps} output tokens/s for the whole 8-GPU deployment (the CSV's tokens_per_second column counts "
                  f"input + output tokens and is not used). Offline run: all {nreq} prompts ({isl} input, {osl} output "
                  f"tokens each; the blog calls num_requests the batch size) submitted at once to a modified vLLM "
                  f"benchmark_throughput.py; concurrency records that batch size. Deployment: {hw}; {par}. "
                  f"{prec_note} {_R1_NOTE}")))
    for gpu, backend, conc, isl, osl, completed, out_tokens, duration, out_tput, ttft, tpot in DSTACK_ONLINE:
        acc, tag, hw = DSTACK_ACC[gpu]
        engine, ver, par, prec, prec_note = DSTACK_ENGINE[(tag, backend, True)]
        rows.append(row(
            id=f"dstack-r1-online-{tag}-{backend}-deepseek-v3-{prec}-tp8-c{conc}-{isl_osl_id(isl, osl)}",
            model="deepseek-v3", accelerator=acc, chips=8, tensorParallel=8, pipelineParallel=1,
            precision=prec, kvCachePrecision=None, weightOnlyQuantization=False,
            engine=engine, engineVersion=ver, promptTokens=isl, outputTokens=osl,
            mode="concurrency", concurrency=conc, outputTokensPerSecond=float(out_tput),
            reported={"metric": f"online_results.csv output_throughput (GPU {gpu}, backend {backend}, max_concurrency {conc})",
                      "value": float(out_tput)},
            timeToFirstTokenMs=float(ttft), timePerOutputTokenMs=float(tpot),
            source=f"{DSTACK_BASE}/raw_data/online_results.csv", asOf=DSTACK_ASOF,
            note=(f"output_throughput copied unchanged (SGLang bench_serving.py, modified by dstack to add TensorRT-LLM; "
                  f"= total_output_tokens {out_tokens} / duration {duration} s over {completed} completed requests). "
                  f"Random dataset, {isl} input / {osl} output tokens, random_range_ratio 1, request rate unlimited, "
                  f"max_concurrency {conc}. TTFT and TPOT are the CSV's mean_ttft_ms and mean_tpot_ms. Deployment: "
                  f"{hw}; {par}. {prec_note} {_R1_NOTE}")))
    return rows

if __name__ == "__main__":
    write("nvidia-tensorrt-llm.json", "NVIDIA (TensorRT-LLM performance overview)", nvidia_rows() + nvidia_blackwell_rows())
    write("aws-neuron.json", "AWS (Neuron SDK documentation)", neuron_rows())
    write("amd-rocm-vllm.json", "AMD (ROCm vLLM documentation)", amd_rows())
    write("dstack-benchmarks.json", "dstack (dstackai/benchmarks)", dstack_rows())
