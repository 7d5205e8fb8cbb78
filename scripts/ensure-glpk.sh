#!/usr/bin/env bash
# Installs GLPK's development files when they are missing (Debian/Ubuntu).
set -euo pipefail
if [ -f /usr/include/glpk.h ] || [ -f /usr/local/include/glpk.h ]; then
  exit 0
fi
echo "GLPK (libglpk-dev) is missing: installing it with apt-get…" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "error: libglpk-dev is not installed and this user cannot install it." >&2
  echo "       Ask an administrator to run: apt-get update && apt-get install -y libglpk-dev" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found; install GLPK 5 (headers and library) with your package manager." >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libglpk-dev >/dev/null
echo "GLPK installed." >&2
