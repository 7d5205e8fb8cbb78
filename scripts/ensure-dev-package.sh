#!/usr/bin/env bash
# Installs a Debian -dev package when its header is missing (used by `make deps` for GLPK and
# libxlsxwriter):   scripts/ensure-dev-package.sh HEADER PACKAGE "WHAT IT IS"
set -euo pipefail
header="$1" package="$2" what="$3"
if [ -f "/usr/include/$header" ] || [ -f "/usr/local/include/$header" ]; then
  exit 0
fi
echo "$what ($package) is missing: installing it with apt-get…" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "error: $package is not installed and this user cannot install it." >&2
  echo "       Ask an administrator to run: apt-get update && apt-get install -y $package" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found; install $what (headers and library) with your package manager." >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null
echo "$what installed." >&2
