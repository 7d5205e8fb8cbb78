#!/usr/bin/env bash
# Installs libxlsxwriter's development files (plan.xlsx) when they are missing (Debian/Ubuntu).
set -euo pipefail
if [ -f /usr/include/xlsxwriter.h ] || [ -f /usr/local/include/xlsxwriter.h ]; then
  exit 0
fi
echo "libxlsxwriter (libxlsxwriter-dev) is missing: installing it with apt-get…" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "error: libxlsxwriter-dev is not installed and this user cannot install it." >&2
  echo "       Ask an administrator to run: apt-get update && apt-get install -y libxlsxwriter-dev" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found; install libxlsxwriter (headers, library, xlsxwriter.pc) with your package manager." >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libxlsxwriter-dev >/dev/null
echo "libxlsxwriter installed." >&2
