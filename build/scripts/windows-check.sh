#!/usr/bin/env bash
# Checks what `make windows` produced, without Windows:
#   windows-check.sh APP.exe INSTALLER.exe VERSION
# - both are PE files of the right kind (MZ header, PE signature, machine,
#   PE32/PE32+, GUI subsystem);
# - the installer is an NSIS archive whose contents 7-Zip lists: the app exe,
#   byte for byte the one built, and the uninstaller;
# - sizes are within sane bounds;
# - the version resources of both say VERSION and Kembang;
# - signatures are present when KEMBANG_SIGN_CERT was set for the build, and
#   the signing step itself works (sign-windows-test.sh) when osslsigncode is
#   installed.
set -euo pipefail
app=$1 inst=$2 version=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "windows-check: FAIL: $*" >&2; exit 1; }
ok() { echo "windows-check: ok: $*"; }
command -v 7z >/dev/null || fail "7z is missing (Debian: apt-get install p7zip-full)"

# Little-endian unsigned integer of $3 bytes at offset $2 of file $1.
le() { od -An -tu"$3" -j "$2" -N "$3" --endian=little "$1" | tr -d ' '; }

# pe FILE MACHINE MAGIC: checks the DOS and PE headers.
pe() {
  local f=$1 machine=$2 magic=$3 off sig
  [ "$(head -c 2 "$f")" = MZ ] || fail "$f: no MZ header"
  off=$(le "$f" 60 4)
  sig=$(od -An -c -j "$off" -N 4 "$f" | tr -d ' ')
  [ "$sig" = 'PE\0\0' ] || fail "$f: no PE signature at $off"
  [ "$(le "$f" $((off + 4)) 2)" = "$machine" ] || fail "$f: machine is $(le "$f" $((off + 4)) 2), want $machine"
  [ "$(le "$f" $((off + 24)) 2)" = "$magic" ] || fail "$f: optional header magic is $(le "$f" $((off + 24)) 2), want $magic"
  [ "$(le "$f" $((off + 24 + 68)) 2)" = 2 ] || fail "$f: not a Windows GUI program"
}
pe "$app" 34404 523  # IMAGE_FILE_MACHINE_AMD64, PE32+
pe "$inst" 332 267   # IMAGE_FILE_MACHINE_I386, PE32 (the NSIS stub)
if command -v file >/dev/null; then
  file -b "$app" | grep -q '^PE32+ executable (GUI) x86-64' || fail "file(1) says $app is: $(file -b "$app")"
  file -b "$inst" | grep -q '^PE32 executable (GUI).*Nullsoft Installer' || fail "file(1) says $inst is: $(file -b "$inst")"
fi
ok "PE headers: app PE32+ x86-64 GUI, installer PE32 GUI"

# Sizes (bytes). The app is one Go binary with the frontend inside; the
# installer compresses it with LZMA.
asize=$(stat -c %s "$app") isize=$(stat -c %s "$inst")
[ "$asize" -ge $((10 << 20)) ] && [ "$asize" -le $((80 << 20)) ] || fail "app size $asize outside 10-80 MiB"
[ "$isize" -ge $((3 << 20)) ] && [ "$isize" -le $((40 << 20)) ] || fail "installer size $isize outside 3-40 MiB"
[ "$isize" -lt "$asize" ] || fail "installer ($isize) is not smaller than the app ($asize): not compressed?"
ok "sizes: app $asize bytes, installer $isize bytes"

# NSIS contents.
7z l "$inst" >"$tmp/list" 2>&1 || fail "7z cannot list $inst: $(tail -3 "$tmp/list")"
grep -q '^Type = Nsis' "$tmp/list" || fail "$inst is not an NSIS installer"
grep -q ' Kembang\.exe$' "$tmp/list" || fail "Kembang.exe is not in the installer"
grep -q ' uninstall\.exe$' "$tmp/list" || fail "uninstall.exe is not in the installer"
7z x -y -o"$tmp/x" "$inst" Kembang.exe uninstall.exe >/dev/null || fail "7z cannot extract the installer"
cmp -s "$tmp/x/Kembang.exe" "$app" || fail "Kembang.exe in the installer differs from $app"
[ -s "$tmp/x/uninstall.exe" ] && [ "$(head -c 2 "$tmp/x/uninstall.exe")" = MZ ] || fail "the uninstaller is not an exe"
ok "NSIS installer holds Kembang.exe (identical to $(basename "$app")) and uninstall.exe"

# Version resources, as 7-Zip's PE reader shows them.
vinfo() { 7z l -slt -tPE "$1" 2>/dev/null | sed -n '/^Comment = /,/^Data Directories/p'; }
vinfo "$app" >"$tmp/app.ver"
vinfo "$inst" >"$tmp/inst.ver"
for k in "ProductVersion: $version" "FileVersion: $version.0" "ProductName: Kembang" "CompanyName: Kembang" "OriginalFilename: Kembang.exe"; do
  grep -qx "$k" "$tmp/app.ver" || fail "app version info lacks '$k': $(tr '\n' ' ' <"$tmp/app.ver")"
done
for k in "ProductVersion: $version" "FileVersion: $version.0" "ProductName: Kembang" "FileDescription: Kembang Installer"; do
  grep -qx "$k" "$tmp/inst.ver" || fail "installer version info lacks '$k': $(tr '\n' ' ' <"$tmp/inst.ver")"
done
ok "version info $version in the app and the installer"

# Signatures of a signed build.
if [ -n "${KEMBANG_SIGN_CERT:-}" ]; then
  for f in "$app" "$tmp/x/Kembang.exe" "$tmp/x/uninstall.exe" "$inst"; do
    osslsigncode extract-signature -in "$f" -out "$tmp/sig" >/dev/null 2>&1 || fail "$(basename "$f") is not signed"
    rm -f "$tmp/sig"
  done
  ok "app, packed app, uninstaller and installer carry a signature"
fi
if command -v osslsigncode >/dev/null && command -v openssl >/dev/null; then
  bash "$here/sign-windows-test.sh" "$inst"
else
  echo "windows-check: signing test skipped (osslsigncode or openssl missing)"
fi
