#!/usr/bin/env bash
# Builds the scenario loader's libFuzzer target (Fuzz/ScenarioLoaderFuzzer) and runs it for SECONDS
# with one worker, starting from a seed corpus made from the shipped scenarios.
#
#   Scripts/fuzz-scenario-loader.sh SECONDS [LIBFUZZER OPTIONS...]
#
# Everything it makes stays in .build-fuzz/: corpus/ (seeds plus what the fuzzer finds), crashes/
# (inputs that crashed, hung or ran out of memory) and fuzz.log. Exits non-zero when a crash was found.
# One input is one scenario folder: its sections, split at each byte 0xFF, are scenario.yaml,
# authorities.csv, children.csv, providers.csv, cooperatives.csv, distances.csv and actuals.csv.
set -euo pipefail
seconds=${1:?usage: Scripts/fuzz-scenario-loader.sh SECONDS [LIBFUZZER OPTIONS...]}
shift
cd "$(dirname "$0")/.."
root=$PWD
work=$root/.build-fuzz
mkdir -p "$work/corpus" "$work/crashes" "$work/seeds"

echo "== build"
# --allow-multiple-definition: libFuzzer's archive brings a `main` beside the package's own; either
# one starts the same driver. No cached build manifest: it would miss files added to or removed from
# the main package, which this package only depends on by path.
swift build --package-path Fuzz/ScenarioLoaderFuzzer --scratch-path "$work" -c release \
  -Xswiftc -sanitize=fuzzer -Xlinker --allow-multiple-definition --disable-build-manifest-caching
fuzzer=$work/release/ScenarioLoaderFuzzer

echo "== seed corpus"
tables=(authorities.csv children.csv providers.csv cooperatives.csv distances.csv actuals.csv)
# Each shipped scenario, tables cut to their first rows so that inputs stay small, once with its
# manifest and once with the manifest's `files:` mapping removed (the default file names).
for folder in Fixtures/scenarios/*/; do
  name=$(basename "$folder")
  for variant in manifest defaults; do
    seed=$work/seeds/$name-$variant
    {
      if [ "$variant" = manifest ]; then
        cat "$folder/scenario.yaml"
      else
        awk '/^files:/ { skip = 1; next } skip && /^[^ ]/ { skip = 0 } !skip' "$folder/scenario.yaml"
      fi
      for table in "${tables[@]}"; do
        printf '\xff'
        if [ -f "$folder/$table" ]; then head -n 16 "$folder/$table"; fi
      done
    } >"$seed"
  done
done

echo "== fuzz for $seconds s"
# Each input is written out as files: in memory when /dev/shm is there.
if [ -w /dev/shm ]; then folder=$(mktemp -d -p /dev/shm); else folder=$(mktemp -d); fi
trap 'rm -rf "$folder"' EXIT
status=0
FUZZ_SCENARIO_FOLDER=$folder nice "$fuzzer" "$work/corpus" "$work/seeds" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
  -dict=Fuzz/ScenarioLoaderFuzzer/scenario.dict -artifact_prefix="$work/crashes/" -print_final_stats=1 "$@" \
  >"$work/fuzz.log" 2>&1 || status=$?
grep -E "^#[0-9]+ +DONE|^stat::|ERROR|SUMMARY|Test unit written|^artifact" "$work/fuzz.log" || true
echo "exit status $status; log in $work/fuzz.log"
exit "$status"
