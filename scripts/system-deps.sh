#!/usr/bin/env bash
# Install the Debian packages Sonores LMS needs at run time and for its tests (see README).
# Checks with dpkg first, so a second run costs nothing. Usage: scripts/system-deps.sh [run|test]
set -euo pipefail
purpose=${1:-run}
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext)
# certificates: names in Chinese, Japanese or Korean script (DejaVu covers Latin, Vietnamese, Greek, Cyrillic).
packages+=(fonts-wqy-microhei)
# certificates: the PNG thumbnail of a template's preview (pdftoppm).
packages+=(poppler-utils)
if [ "$purpose" = test ]; then
  packages+=(chromium postgresql redis-server)
fi
# Debian's own python3 ships venv separately.
if ! "${PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1; then
  packages+=(python3-venv)
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Missing Debian packages. Run, then try again:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
