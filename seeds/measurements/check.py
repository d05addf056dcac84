#!/usr/bin/env python3
"""Validates seeds/measurements/*.json: JSON parses, the schema (measurements.schema.json) is satisfied when the
jsonschema package is installed, required fields are present, ids are unique across files, chips are divisible by
tensorParallel*pipelineParallel, and model / accelerator ids exist in seeds/models and seeds/catalog/accelerators.json.
Prints per-publisher, per-accelerator and per-model row counts. Exit code 1 on any error.
Usage: python3 seeds/measurements/check.py
"""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.dirname(HERE)
REQUIRED = ["id", "model", "accelerator", "chips", "tensorParallel", "pipelineParallel", "precision",
            "kvCachePrecision", "weightOnlyQuantization", "engine", "engineVersion", "promptTokens", "outputTokens",
            "mode", "concurrency", "outputTokensPerSecond", "reported", "timeToFirstTokenMs", "timePerOutputTokenMs",
            "source", "asOf"]
NULLABLE = {"kvCachePrecision", "engineVersion", "concurrency", "timeToFirstTokenMs", "timePerOutputTokenMs"}


def main():
    errors = []
    models = {json.load(open(p, encoding="utf-8"))["id"] for p in glob.glob(os.path.join(SEEDS, "models", "*.json"))}
    accelerators = {a["id"] for a in json.load(open(os.path.join(SEEDS, "catalog", "accelerators.json"), encoding="utf-8"))["accelerators"]}
    schema = json.load(open(os.path.join(HERE, "measurements.schema.json"), encoding="utf-8"))
    try:
        import jsonschema
        validator = jsonschema.Draft202012Validator(schema)
    except ImportError:
        validator = None
        print("note: jsonschema not installed, schema validation skipped")
    seen = {}
    by_pub, by_acc, by_model = collections.Counter(), collections.Counter(), collections.Counter()
    files = sorted(p for p in glob.glob(os.path.join(HERE, "*.json")) if not p.endswith(".schema.json"))
    if not files:
        errors.append("no measurement files")
    for path in files:
        name = os.path.basename(path)
        try:
            doc = json.load(open(path, encoding="utf-8"))
        except ValueError as e:
            errors.append(f"{name}: not JSON: {e}")
            continue
        if validator:
            for e in validator.iter_errors(doc):
                errors.append(f"{name}: schema: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        if doc.get("$schema") != "./measurements.schema.json":
            errors.append(f"{name}: $schema must be ./measurements.schema.json")
        for i, m in enumerate(doc.get("measurements", [])):
            where = f"{name}[{i}] {m.get('id')}"
            for k in REQUIRED:
                if k not in m:
                    errors.append(f"{where}: missing {k}")
                elif m[k] is None and k not in NULLABLE:
                    errors.append(f"{where}: {k} must not be null")
            if any(k not in m for k in REQUIRED):
                continue
            if m["id"] in seen:
                errors.append(f"{where}: id also in {seen[m['id']]}")
            seen[m["id"]] = name
            if not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", m["id"]):
                errors.append(f"{where}: id must be lowercase [a-z0-9.-]")
            if m["model"] not in models:
                errors.append(f"{where}: unknown model {m['model']}")
            if m["accelerator"] not in accelerators:
                errors.append(f"{where}: unknown accelerator {m['accelerator']}")
            if m["chips"] % (m["tensorParallel"] * m["pipelineParallel"]) != 0:
                errors.append(f"{where}: chips {m['chips']} not divisible by TP*PP")
            if m["mode"] == "concurrency" and m["concurrency"] is None:
                errors.append(f"{where}: mode concurrency needs concurrency")
            if not (isinstance(m["outputTokensPerSecond"], (int, float)) and m["outputTokensPerSecond"] > 0):
                errors.append(f"{where}: outputTokensPerSecond must be > 0")
            if m["outputTokensPerSecond"] != m["reported"]["value"] and not m.get("note"):
                errors.append(f"{where}: converted figure needs a note explaining the conversion")
            if not (m["source"].startswith("https://")):
                errors.append(f"{where}: source must be a URL")
            if "github.com/" in m["source"] and not re.search(r"/blob/[0-9a-f]{40}/", m["source"]):
                errors.append(f"{where}: a GitHub source must be a blob at a 40-hex commit")
            by_pub[doc["publisher"]] += 1
            by_acc[m["accelerator"]] += 1
            by_model[m["model"]] += 1
    for title, c in (("publisher", by_pub), ("accelerator", by_acc), ("model", by_model)):
        print(f"rows per {title}:")
        for k, v in sorted(c.items()):
            print(f"  {k}: {v}")
    print(f"total rows: {sum(by_pub.values())} in {len(files)} files")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
