#!/usr/bin/env bash
# Installs what the tests need (GLPK), checks formatting, builds with warnings treated as failures
# for the project's own code, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/install-dependencies.sh

echo "== swift format lint"
swift format lint --strict --recursive Sources Tests Fuzz Package.swift

echo "== build"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift build --build-tests >"$log" 2>&1 || status=$?
grep -E "error|warning:" "$log" || true
if [ "$status" -ne 0 ]; then
  echo "build failed" >&2
  exit 1
fi
if grep -E "^$PWD/(Sources|Tests)/.*warning:" "$log" >/dev/null; then
  echo "the build has compiler warnings in the project's own code" >&2
  exit 1
fi

echo "== tests"
swift test --skip-build "$@"
