#!/usr/bin/env bash
# Writes the man page and the shell completions of `placement` into DIR (default .build/share), with
# swift-argument-parser's own support: the package's `generate-manual` plugin for the man page, the
# tool's `--generate-completion-script` for bash, zsh and fish.
#
#   Scripts/generate-manual.sh [DIR]
#   man DIR/man1/placement.1
#   source DIR/completions/placement.bash      # or copy _placement into $fpath, placement.fish into fish's completions
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/share}"
Scripts/install-dependencies.sh

echo "== man page (swift package plugin generate-manual)" >&2
swift package plugin generate-manual --configuration debug --date "$(date -u +%Y-%m-%d)" >&2
mkdir -p "$out/man1" "$out/completions"
cp .build/plugins/GenerateManual/outputs/placement/placement.1 "$out/man1/placement.1"

echo "== completions (placement --generate-completion-script)" >&2
tool="$(swift build --show-bin-path)/placement"
"$tool" --generate-completion-script bash >"$out/completions/placement.bash"
"$tool" --generate-completion-script zsh >"$out/completions/_placement"
"$tool" --generate-completion-script fish >"$out/completions/placement.fish"

echo "written: $out/man1/placement.1, $out/completions/{placement.bash,_placement,placement.fish}" >&2
