#!/usr/bin/env bash
# Runs every sample against the freshly packed package in $1, never against the source tree or a stale cache:
# NuGet's global packages folder is a new empty folder for this run, so CloudEconomics can only come from $1.
#   samples/*.cs   .NET 10 file-based apps   dotnet run FILE -p:RestoreAdditionalProjectSources=$1
#   samples/*.fsx  F# scripts                dotnet fsi (with #i "nuget: $1" inserted before #r)
#   samples/*.dib  notebooks                 dotnet-repl --run (with #i "nuget: $1" inserted before #r)
# Each sample must exit 0, print nothing on stderr, and print every line of samples/expected/NAME.txt.
# What each script printed is kept in artifacts/samples/NAME.txt, the executed notebook in artifacts/samples/NAME.ipynb.
set -euo pipefail
given=$(cd "${1:?usage: run-samples.sh PACKAGE_FOLDER}" && pwd)
root=$(pwd)
notebooks="$root/artifacts/samples"
mkdir -p "$notebooks"
work=$(mktemp -d)
export NUGET_PACKAGES="$work/nuget-packages"
# F# Interactive and .NET Interactive also cache "#r nuget" resolutions by script text in ~/.packagemanagement/nuget/Cache:
# a package source folder with a new name on every run makes that text new, so a stale resolution can never be reused.
packages="$work/source-$(date +%s)-$$"
cp -r "$given" "$packages"
failures=0
check() { # name, output file, error file, exit code
  local name=$1 output=$2 errors=$3 code=$4 expected="$root/samples/expected/$1.txt"
  if [ "$code" != 0 ]; then echo "sample $name: exit code $code" >&2; failures=$((failures+1)); sed 's/^/  /' "$errors" "$output" | tail -20 >&2; return; fi
  if grep -qiE '(^|[^a-z])(error|exception)([^a-z]|$)' "$errors"; then echo "sample $name: error output" >&2; sed 's/^/  /' "$errors" | tail -20 >&2; failures=$((failures+1)); return; fi
  if [ -f "$expected" ]; then
    while IFS= read -r line; do
      [ -z "$line" ] && continue
      grep -qF -- "$line" "$output" || { echo "sample $name: expected output line not found: $line" >&2; failures=$((failures+1)); }
    done < "$expected"
  else
    echo "sample $name: no samples/expected/$name.txt" >&2; failures=$((failures+1))
  fi
  echo "sample $name: OK"
}
inject() { # insert a local package source before the first #r "nuget: CloudEconomics
  sed "0,/#r \"nuget: CloudEconomics/s||#i \"nuget: $packages\"\n#r \"nuget: CloudEconomics|" "$1" > "$2"
}
for f in samples/*.cs; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .cs)
  set +e; dotnet run --no-cache --file "$f" -p:RestoreAdditionalProjectSources="$packages" >"$work/$name.out" 2>"$work/$name.err"; code=$?; set -e
  cp "$work/$name.out" "$notebooks/$name.txt"
  check "$name" "$work/$name.out" "$work/$name.err" "$code"
done
for f in samples/*.fsx; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .fsx)
  inject "$f" "$work/$name.fsx"
  set +e; dotnet fsi "$work/$name.fsx" >"$work/$name.out" 2>"$work/$name.err"; code=$?; set -e
  cp "$work/$name.out" "$notebooks/$name.txt"
  check "$name" "$work/$name.out" "$work/$name.err" "$code"
done
for f in samples/*.dib; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .dib)
  inject "$f" "$work/$name.dib"
  set +e
  dotnet dotnet-repl --run "$work/$name.dib" --exit-after-run --output-format ipynb --output-path "$notebooks/$name.ipynb" >"$work/$name.log" 2>"$work/$name.err"
  code=$?
  set -e
  # The executed notebook's outputs (text and HTML) are what we check.
  if [ -f "$notebooks/$name.ipynb" ]; then cp "$notebooks/$name.ipynb" "$work/$name.out"; else : > "$work/$name.out"; fi
  if grep -q '"output_type": "error"' "$work/$name.out" || grep -q '"name": "stderr"' "$work/$name.out"; then
    echo "sample $name: a notebook cell failed" >&2; grep -A5 -E '"output_type": "error"|"name": "stderr"' "$work/$name.out" | head -30 >&2; failures=$((failures+1)); continue
  fi
  check "$name" "$work/$name.out" "$work/$name.err" "$code"
done
rm -rf "$work"
[ "$failures" = 0 ] || { echo "$failures sample check(s) failed" >&2; exit 1; }
