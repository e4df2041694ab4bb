#!/usr/bin/env bash
# Installs the system packages the project needs: GLPK's C library and headers (libglpk-dev) and its
# command-line solver (glpk-utils, used by tests as an independent check), plus any packages named
# as arguments (the report check adds chromium). Idempotent and non-interactive; does nothing when
# everything is already present.
set -euo pipefail

packages=(libglpk-dev glpk-utils "$@")
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-dependencies: apt-get not found; install ${missing[*]} (GLPK 5.0) by hand." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "install-dependencies: need root to apt-get install ${missing[*]}; run as root or install sudo." >&2
    exit 1
  fi
fi

echo "install-dependencies: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  # A fresh machine may have no package lists yet.
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || {
    echo "install-dependencies: apt-get could not install ${missing[*]}." >&2
    exit 1
  }
fi
