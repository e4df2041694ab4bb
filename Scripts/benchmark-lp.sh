#!/usr/bin/env bash
# Times building, loading into GLPK and solving a generated transportation problem of about one
# million nonzeros (release build). Extra arguments go to the benchmark, e.g. --demands 20000.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-dependencies.sh
echo "== building lp-benchmark (release; the first build takes a few minutes)" >&2
swift build -c release --product lp-benchmark >/dev/null
exec .build/release/lp-benchmark "$@"
