#!/usr/bin/env bash
# Set up everything the toolkit needs on a fresh Debian machine: system packages
# (fonts, ICC profile, Pango for WeasyPrint, poppler for PDF tests) and a virtual
# environment with the pinned Python packages, and axe-core (npm) for the browser tests. Safe to run again: it only
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
  chromium chromium-driver                                # the web site's browser tests (never a downloaded browser)
  nodejs                                                  # npm, for axe-core (the browser tests' accessibility checker)
)
# Debian's nodejs has npm in a package of its own; some nodejs builds carry it
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)

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

# axe-core for the web site's accessibility test, from the npm registry into .venv/npm (pinned here)
AXE_VERSION=4.14.1
if [ ! -f .venv/npm/node_modules/axe-core/axe.min.js ] || \
   ! grep -q "\"version\": \"$AXE_VERSION\"" .venv/npm/node_modules/axe-core/package.json; then
  mkdir -p .venv/npm
  npm install --prefix .venv/npm --no-audit --no-fund --no-save --loglevel=error "axe-core@$AXE_VERSION" >/dev/null
fi
