#!/bin/bash
# Wall-clock A/B of whole cloudecon processes on a shared machine: alternates a base build and a new build of the tool,
# printing one "name milliseconds" line per run (npv = the start-up floor, the report, catalog list). Take medians and
# the ratios report/npv within each side. Used for benchmarks/README.md, "Start-up", second pass.
# Usage: benchmarks/cli-startup-ab.sh BASE_CLOUDECON NEW_CLOUDECON [ROUNDS]
set -euo pipefail
O=$1
N=$2
t() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
for _ in $(seq 1 "${3:-8}"); do
  echo "base_npv $(t "$O" npv --rate 0.1 -- -100 60 60)"
  echo "base_report $(t "$O")"
  echo "new_npv $(t "$N" npv --rate 0.1 -- -100 60 60)"
  echo "new_report $(t "$N")"
  echo "base_catalog $(t "$O" catalog list)"
  echo "new_catalog $(t "$N" catalog list)"
done
