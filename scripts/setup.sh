#!/usr/bin/env bash
# Set up everything the toolkit needs on a fresh Debian machine: system packages
# (fonts, ICC profile, Pango for WeasyPrint, poppler for PDF tests) and a virtual
# environment with the pinned Python packages. Safe to run again: it only
# installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  git
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0   # WeasyPrint's text layout
  fonts-dejavu-core fonts-dejavu-extra fonts-paratype      # fonts the page profiles name
  colord-data                                             # RGB ICC profiles (it ships no CMYK one)
  libgs-common                                            # CMYK ICC profile (SWOP) for the PDF/X OutputIntent
  poppler-utils                                           # pdftoppm/pdffonts, used by the tests
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing system packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -qq --upgrade pip
  .venv/bin/python -m pip install -qq -c constraints.txt -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
