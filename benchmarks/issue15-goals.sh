#!/usr/bin/env bash
# Runs every benchmark behind an issue 15 goal in one session, from the repository root, on an idle machine:
#   benchmarks/issue15-goals.sh [OUT_DIR]
# Builds the solution in Release and publishes cloudecon as the README's quick start does, then runs, in this order: the start-up probe (a fresh process timing each first load),
# the first CloudCatalog.Default against a bare parse of its seed files (the goal word for word), the catalog start-up
# benchmarks on one document of the whole catalog and ten times as many records (cold in the same process and alone,
# each as the JIT and as a ReadyToRun app; warm), the process-level CLI start-up
# (report and catalog list against npv), the Monte Carlo kernels (token cost, payback) and the finance kernels (XNPV,
# RATE, IRR on random flows). Each BenchmarkDotNet table lands in OUT_DIR (default artifacts/issue15) as
# <name>.md, copied from BenchmarkDotNet.Artifacts/results; the probe output as startup-probe.txt; machine facts and
# times in run.txt. About 20 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/issue15}"
mkdir -p "$out"
bench=benchmarks/CloudEconomics.Benchmarks/bin/Release/net10.0/CloudEconomics.Benchmarks.dll
{
  echo "commit $(git rev-parse --short HEAD) $(git status --porcelain | wc -l | tr -d ' ') uncommitted changes"
  echo "start $(date -u +%FT%TZ)"
  echo "cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet --version
} > "$out/run.txt"
dotnet build CloudEconomics.sln -c Release -warnaserror > "$out/build.log" 2>&1
# The README's quick start: the published (ReadyToRun) cloudecon that CliStartupBenchmarks runs as Binary = publish.
dotnet publish -c Release src/CloudEconomics.Cli -o artifacts/cloudecon >> "$out/build.log" 2>&1
results=BenchmarkDotNet.Artifacts/results
run() {
  local name=$1; shift
  echo "== $name ($(date -u +%T), load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$out/run.txt"
  rm -f "$results"/*-report-github.md
  dotnet "$bench" "$@" > "$out/$name.log" 2>&1
  cat "$results"/*-report-github.md > "$out/$name.md"
}
for i in 1 2 3; do dotnet "$bench" startup-probe >> "$out/startup-probe.txt" 2>&1; echo >> "$out/startup-probe.txt"; done
run catalog-default-cold --filter '*CatalogDefaultCold*'
run catalog-cold --filter '*CatalogStartupCold*'
run catalog-warm --filter '*CatalogStartupWarm*' --inProcess --warmupCount 5 --iterationCount 15
run cli-startup --filter '*CliStartup*' --inProcess
run monte-carlo --filter '*MonteCarloTokenCost*' '*MonteCarloPayback*' --inProcess --warmupCount 2 --iterationCount 10
run finance --filter '*IrrRandomFlows*' '*XnpvBenchmarks*' '*RateBenchmarks*' --inProcess --warmupCount 5 --iterationCount 15
echo "end $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/run.txt"
