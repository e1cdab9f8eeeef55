#!/usr/bin/env bash
# Installs the system packages Kembang needs on Debian/Ubuntu.
#   deps.sh run   packages to build and run the desktop app
#   deps.sh test  the above plus what the tests use (Chromium, Xvfb, poppler,
#                 and NSIS, 7-Zip and osslsigncode for the Windows installer check)
#   deps.sh windows  what `make windows` needs (NSIS; osslsigncode when
#                 KEMBANG_SIGN_CERT asks for signing)
# As root it installs them with apt-get; otherwise it prints the exact
# command to run and fails, so nothing happens behind the user's back.
set -euo pipefail
mode=${1:-run}

# On a fresh machine apt has no package lists yet, so apt-cache knows nothing.
if [ "$(id -u)" -eq 0 ] && ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
  apt-get update -qq
fi

if [ "$mode" = windows ]; then
  pkgs=(nsis)
  [ -n "${KEMBANG_SIGN_CERT:-}" ] && pkgs+=(osslsigncode)
else
  pkgs=(build-essential pkg-config libgtk-3-dev)
  # Debian 12 ships WebKitGTK 4.0; Ubuntu 24.04 only 4.1 (the Makefile then
  # builds with the webkit2_41 tag).
  if apt-cache show libwebkit2gtk-4.0-dev >/dev/null 2>&1 || dpkg -s libwebkit2gtk-4.0-dev >/dev/null 2>&1; then
    pkgs+=(libwebkit2gtk-4.0-dev)
  else
    pkgs+=(libwebkit2gtk-4.1-dev)
  fi
fi
if [ "$mode" = test ]; then
  pkgs+=(chromium xvfb xauth xdotool dbus-x11 imagemagick poppler-utils zbar-tools fonts-dejavu-core)
  pkgs+=(nsis p7zip-full osslsigncode openssl)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Kembang needs these system packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
