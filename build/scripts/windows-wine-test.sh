#!/usr/bin/env bash
# Runs the installer's logic under Wine (64-bit, Debian package wine64) in a
# throwaway prefix, silently, and checks what it did:
#   windows-wine-test.sh APP.exe
# Debian's wine64 runs only 64-bit programs, so this builds the same
# project.nsi for the amd64-unicode NSIS target (the shipped installer is the
# x86 stub; the script is the same). Not part of `make test` (Wine is large);
# run it with `make windows-wine-test`.
#  1. fresh install, no WebView2 anywhere: files, shortcuts, HKCU uninstall
#     entry; exit code 10 (runtime missing);
#  2. a WebView2 older than the minimum counts as missing;
#  3. MicrosoftEdgeWebView2RuntimeInstallerX64.exe next to the installer
#     (a stand-in that registers a per-user runtime) is run with
#     /silent /install, then exit code 0;
#  4. an upgrade keeps the data folder byte for byte and does not bring back
#     a desktop shortcut the user deleted;
#  5. a per-machine runtime (HKLM) is found as well; a running Kembang stops
#     upgrade and uninstall (exit 11) without changing anything;
#  6. uninstall /S removes program, shortcuts and entry, keeps the data;
#  7. uninstall /S /REMOVEDATA removes the data and the WebView2 profile.
set -euo pipefail
app=$(readlink -f "${1:?usage: windows-wine-test.sh APP.exe}")
root=$(cd "$(dirname "$0")/../.." && pwd)
# Debian keeps wine64 and wineserver in /usr/lib/wine.
export PATH="$PATH:/usr/lib/wine"
wine=$(command -v wine64 || true)
[ -n "$wine" ] || { echo "windows-wine-test: wine64 is missing (Debian: apt-get install wine64)"; exit 2; }
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a "$0" "$@"
fi

tmp=$(mktemp -d)
export HOME="$tmp/home" WINEPREFIX="$tmp/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
mkdir -p "$HOME"
trap 'wineserver -k 2>/dev/null || true; rm -rf "$tmp"' EXIT
fail() { echo "windows-wine-test: FAIL: $*" >&2; exit 1; }
pass() { echo "windows-wine-test: ok: $*"; }
w() { "$wine" "$@" 2>/dev/null; }
reg() { w reg "$@" >/dev/null; }
wv2key='Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}'
uninst='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Kembang'

echo "windows-wine-test: building the amd64 test installer and the WebView2 stand-in"
mkdir -p "$tmp/dist" "$tmp/fake"
(cd "$root/build/windows/installer" && makensis -V1 "-XTarget amd64-unicode" "-XSetCompressor /FINAL zlib" \
  -DARG_WAILS_AMD64_BINARY="$app" project.nsi "-XOutFile $tmp/dist/setup.exe")
# Stand-in for the Evergreen Standalone Installer, itself a tiny NSIS program
# (Go 1.26 programs need a DLL Wine 8 lacks): records its arguments and
# registers a per-user runtime the way the real one does.
cat >"$tmp/fake/fake.nsi" <<'NSI'
Unicode true
Target amd64-unicode
!include "FileFunc.nsh"
SilentInstall silent
RequestExecutionLevel user
OutFile "fake.exe"
Section
    ${GetParameters} $0
    FileOpen $1 "$EXEDIR\webview2-args.txt" w
    FileWrite $1 $0
    FileClose $1
    WriteRegStr HKCU "Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" "pv" "120.0.2210.91"
SectionEnd
NSI
(cd "$tmp/fake" && makensis -V1 fake.nsi)
# Stand-in for a running Kembang: a program that just waits.
cat >"$tmp/fake/sleep.nsi" <<'NSI'
Unicode true
Target amd64-unicode
SilentInstall silent
RequestExecutionLevel user
OutFile "sleep.exe"
Section
    Sleep 30000
SectionEnd
NSI
(cd "$tmp/fake" && makensis -V1 sleep.nsi)

w wineboot -i >/dev/null 2>&1
reg add 'HKCU\Software\Wine' /v Version /d win10 /f
wineserver -w
user="$WINEPREFIX/drive_c/users/$(id -un)"
instdir="$user/AppData/Local/Programs/Kembang"
data="$user/AppData/Roaming/Kembang"
profile="$user/AppData/Roaming/Kembang.exe"
startlnk="$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Kembang.lnk"
desklnk="$(readlink -f "$user/Desktop")/Kembang.lnk"

install() { # install DIR: runs DIR/setup.exe /S, prints its exit code
  local rc=0
  w "$1/setup.exe" /S >/dev/null || rc=$?
  wineserver -w >/dev/null
  echo "$rc"
}

# 1. Fresh install without WebView2.
rc=$(install "$tmp/dist")
[ "$rc" = 10 ] || fail "fresh install without WebView2: exit $rc, want 10"
cmp -s "$instdir/Kembang.exe" "$app" || fail "Kembang.exe not installed in LOCALAPPDATA\\Programs\\Kembang"
[ -f "$instdir/uninstall.exe" ] || fail "no uninstaller"
[ -f "$startlnk" ] || fail "no Start menu shortcut"
[ -f "$desklnk" ] || fail "no desktop shortcut"
w reg query "$uninst" /v InstallLocation | grep -q 'Programs\\Kembang' || fail "no HKCU uninstall entry"
w reg query "$uninst" /v DisplayVersion | grep -q "$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' "$root/wails.json")" ||
  fail "DisplayVersion is not wails.json's productVersion"
pass "per-user install: exe, uninstaller, Start menu and desktop shortcuts, HKCU entry; exit 10 without WebView2"

# 2. Too old a runtime is missing.
reg add "HKCU\\$wv2key" /v pv /d 90.0.818.66 /f
rc=$(install "$tmp/dist")
[ "$rc" = 10 ] || fail "WebView2 90 (older than the minimum): exit $rc, want 10"
pass "WebView2 older than the minimum counts as missing"

# 3. IT's offline runtime installer beside the setup.
reg delete "HKCU\\$wv2key" /f
mkdir -p "$tmp/usb"
cp "$tmp/dist/setup.exe" "$tmp/usb/setup.exe"
cp "$tmp/fake/fake.exe" "$tmp/usb/MicrosoftEdgeWebView2RuntimeInstallerX64.exe"
rc=$(install "$tmp/usb")
[ "$rc" = 0 ] || fail "with the offline runtime installer beside it: exit $rc, want 0"
[ "$(cat "$tmp/usb/webview2-args.txt" 2>/dev/null)" = "/silent /install" ] ||
  fail "the offline runtime installer was not run with /silent /install"
pass "the offline WebView2 installer beside the setup is run (/silent /install), then exit 0"

# 4. Upgrade keeps the data and respects a deleted desktop shortcut.
mkdir -p "$data/backups" "$profile"
head -c 100000 /dev/urandom >"$data/kembang.db"
echo device >"$data/device-id"
echo '{"kembang.locale":"en"}' >"$profile/prefs"
before=$(cd "$data" && find . -type f -exec sha256sum {} + | sort)
rm -f "$desklnk"
echo stale >"$instdir/Kembang.exe"
rc=$(install "$tmp/dist")
[ "$rc" = 0 ] || fail "upgrade: exit $rc"
cmp -s "$instdir/Kembang.exe" "$app" || fail "upgrade did not replace Kembang.exe"
[ "$(cd "$data" && find . -type f -exec sha256sum {} + | sort)" = "$before" ] || fail "upgrade changed the data folder"
[ ! -e "$desklnk" ] || fail "upgrade brought back the deleted desktop shortcut"
[ -f "$startlnk" ] || fail "upgrade lost the Start menu shortcut"
pass "upgrade in place: exe replaced, data folder unchanged, deleted desktop shortcut stays deleted"

# 5. A per-machine runtime is found too.
reg delete "HKCU\\$wv2key" /f
reg add "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\EdgeUpdate\\Clients\\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}" /v pv /d 119.0.2151.58 /f
rc=$(install "$tmp/dist")
[ "$rc" = 0 ] || fail "per-machine WebView2: exit $rc, want 0"
pass "per-machine WebView2 (HKLM, 32-bit view) detected"

# 5b. A running Kembang blocks upgrade and uninstall (exit 11), nothing changes.
cp "$tmp/fake/sleep.exe" "$instdir/Kembang.exe"
w "$instdir/Kembang.exe" >/dev/null &
sleep 3
rc=0
w "$tmp/dist/setup.exe" /S >/dev/null || rc=$?
[ "$rc" = 11 ] || fail "upgrade while Kembang runs: exit $rc, want 11"
cmp -s "$instdir/Kembang.exe" "$tmp/fake/sleep.exe" || fail "upgrade while Kembang runs replaced the exe"
rc=0
w "$instdir/uninstall.exe" /S "_?=$(w winepath -w "$instdir" | tr -d '\r')" >/dev/null || rc=$?
[ "$rc" = 11 ] || fail "uninstall while Kembang runs: exit $rc, want 11"
[ -f "$instdir/Kembang.exe" ] || fail "uninstall while Kembang runs removed the exe"
wineserver -w
rc=$(install "$tmp/dist")
[ "$rc" = 0 ] && cmp -s "$instdir/Kembang.exe" "$app" || fail "upgrade after Kembang stopped: exit $rc"
pass "a running Kembang stops upgrade and uninstall with exit 11 and nothing changed"

# 6. Uninstall keeps the data.
w "$instdir/uninstall.exe" /S || true
wineserver -w
[ ! -e "$instdir/Kembang.exe" ] && [ ! -e "$instdir/uninstall.exe" ] || fail "uninstall left program files"
[ ! -e "$startlnk" ] || fail "uninstall left the Start menu shortcut"
w reg query "$uninst" >/dev/null 2>&1 && fail "uninstall left the HKCU entry"
[ "$(cd "$data" && find . -type f -exec sha256sum {} + | sort)" = "$before" ] || fail "uninstall touched the data"
[ -f "$profile/prefs" ] || fail "uninstall removed the WebView2 profile without being asked"
pass "uninstall /S removes program, shortcuts and entry, keeps the data"

# 7. Uninstall with /REMOVEDATA.
rc=$(install "$tmp/dist")
[ "$rc" = 0 ] || fail "reinstall: exit $rc"
w "$instdir/uninstall.exe" /S /REMOVEDATA || true
wineserver -w
[ ! -e "$data" ] || fail "/REMOVEDATA kept $data"
[ ! -e "$profile" ] || fail "/REMOVEDATA kept the WebView2 profile"
[ ! -e "$instdir/Kembang.exe" ] || fail "uninstall left Kembang.exe"
pass "uninstall /S /REMOVEDATA removes the data folder and the WebView2 profile"
