#!/usr/bin/env bash
# Runs only the LibreOffice differential test of the finance engine (needs soffice: apt-get install -y
# --no-install-recommends libreoffice-calc-nogui). With CI=true a missing soffice fails the test instead of skipping it.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet test tests/CloudEconomics.Finance.Tests -- --filter-class "CloudEconomics.Tests.Finance.LibreOfficeDifferentialTest" "$@"
