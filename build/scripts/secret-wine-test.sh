#!/usr/bin/env bash
# Runs backend/secret's tests as a Windows program under Wine, so the DPAPI
# code (CryptProtectData/CryptUnprotectData through golang.org/x/sys/windows)
# is exercised without a Windows machine:
#   secret-wine-test.sh
# Needs Debian's wine64 and binutils-mingw-w64-x86-64. Not part of `make test`
# (Wine is large); run it with `make secret-wine-test`.
#
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, whose ProcessPrng the Go
# runtime (1.22 and later) loads at start. A one-line DLL that forwards
# ProcessPrng to advapi32's RtlGenRandom (SystemFunction036, same
# signature) is built with the mingw linker and put in the throwaway
# prefix's system32. Wine's DPAPI is its own implementation: this proves the
# calls, the entropy and the blob handling, not Microsoft's key management.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export PATH="$PATH:/usr/lib/wine"
wine=$(command -v wine64 || true)
[ -n "$wine" ] || { echo "secret-wine-test: wine64 is missing (Debian: apt-get install wine64)"; exit 2; }
command -v x86_64-w64-mingw32-ld >/dev/null || { echo "secret-wine-test: the mingw linker is missing (Debian: apt-get install binutils-mingw-w64-x86-64)"; exit 2; }
work=$(mktemp -d)
trap 'WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
cd "$work"
printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\nProcessPrng = advapi32.SystemFunction036\n' > bcryptprimitives.def
printf '.text\n' > empty.s
x86_64-w64-mingw32-as empty.s -o empty.o
x86_64-w64-mingw32-ld --dll -e 0 -o bcryptprimitives.dll empty.o bcryptprimitives.def
(cd "$root" && GOOS=windows GOARCH=amd64 go test -c -o "$work/secret.test.exe" ./backend/secret)
"$wine" wineboot --init >/dev/null 2>&1 || true
cp bcryptprimitives.dll "$WINEPREFIX/drive_c/windows/system32/"
"$wine" ./secret.test.exe -test.v -test.count=1 | tee out.txt
grep -q -- '--- PASS: TestDPAPIRoundTrip' out.txt || { echo "secret-wine-test: the DPAPI tests did not run"; exit 1; }
echo "secret-wine-test: DPAPI round trip passed under $("$wine" --version)"
