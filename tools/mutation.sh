#!/usr/bin/env bash
# Mutation testing with Stryker.NET 5.1.0 (local tool, .config/dotnet-tools.json) over one layer's own test project.
#   tools/mutation.sh finance                                          # every file of src/CloudEconomics/Finance
#   tools/mutation.sh ownership                                        # src/CloudEconomics/Ownership (its own project)
#   tools/mutation.sh inference                                        # src/CloudEconomics/Inference (large: see README)
#   tools/mutation.sh finance --mutate "**/Finance/BrentSolver.cs"     # one file (repeat --mutate for more)
#   tools/mutation.sh finance --concurrency 1                          # on a shared machine
# Any further option goes to dotnet-stryker. Report: tests/CloudEconomics.<Layer>.Tests/StrykerOutput/<time>/reports/
# mutation-report.{html,json} (git-ignored); the per-file table is also printed at the end.
# Stryker compiles every file of the library with its mutants (the --mutate filter only chooses which are tested), so
# a run starts with several minutes of compilation whatever the filter.
# The LibreOffice differential is skipped (CLOUDECONOMICS_SKIP_LIBREOFFICE=1): it is an external oracle run once, not
# per mutant; the exact-arithmetic, documented-vector and hand-derived tests do the killing.
set -euo pipefail
layer="${1:-}"
case "$layer" in
  finance) project=tests/CloudEconomics.Finance.Tests; config=tools/stryker/finance.json ;;
  ownership) project=tests/CloudEconomics.Ownership.Tests; config=tools/stryker/ownership.json ;;
  inference) project=tests/CloudEconomics.Inference.Tests; config=tools/stryker/inference.json ;;
  *) echo "usage: tools/mutation.sh finance|ownership|inference [stryker options] (unknown layer '${layer}')" >&2; exit 2 ;;
esac
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore > /dev/null
export CLOUDECONOMICS_SKIP_LIBREOFFICE=1
# The random tests draw a twentieth of their cases (MutationRun.cs in the Finance and Inference test projects): Stryker's
# instrumented build runs them about 20 times slower, and every mutant reruns the tests that reach it.
export CLOUDECONOMICS_MUTATION_RUN=1
cd "$project"
# --test-runner mtp: Microsoft.Testing.Platform runner (preview in 5.1.0), which discovers the xunit v3 tests.
dotnet stryker --config-file "$root/$config" --test-runner mtp "$@"
