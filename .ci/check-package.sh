#!/usr/bin/env bash
# Packs CloudEconomics and the cloudecon tool into $1 and checks the library package's contents.
set -euo pipefail
dest=${1:?usage: check-package.sh OUTPUT_FOLDER}
rm -rf "$dest" && mkdir -p "$dest"
dotnet pack src/CloudEconomics/CloudEconomics.csproj -c Release --no-build -o "$dest"
dotnet pack src/CloudEconomics.Cli/CloudEconomics.Cli.csproj -c Release --no-build -o "$dest"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
nupkg="$dest/CloudEconomics.$version.nupkg"
[ -f "$nupkg" ] || { echo "missing $nupkg" >&2; exit 1; }
[ -f "$dest/CloudEconomics.$version.snupkg" ] || { echo "missing symbols package CloudEconomics.$version.snupkg" >&2; exit 1; }
dotnet run --file .ci/CheckPackage.cs -- "$nupkg"
# The cloudecon tool installs from the packed folder and prints the report.
tools=$(mktemp -d)
NUGET_PACKAGES="$tools/nuget" dotnet tool install CloudEconomics.Cli --version "$version" --add-source "$dest" --tool-path "$tools/bin" >/dev/null
"$tools/bin/cloudecon" report --format json > "$tools/report.json"
grep -q '"scenarioId": "aws-2026-q1"' "$tools/report.json" || { echo "the installed cloudecon did not print the seed report" >&2; exit 1; }
echo "package check: cloudecon $version installs as a .NET tool and prints the seed report"
rm -rf "$tools"
