#!/usr/bin/env bash
# Kembang beside an empty Wails v2 app (docs/BENCHMARKS.md, "Windows installer,
# start and memory"):
#   compare-empty.sh [ROUNDS]      (after `make build windows`)
# 1. builds the empty app with empty-wails.sh into build/bin/empty/ (once);
# 2. installer and exe sizes and their ratios;
# 3. ROUNDS (default 10) alternating cold starts of both under Xvfb
#    (desktop.sh coldstart: process start to Wails OnDomReady), medians;
# 4. ROUNDS/2 alternating idle-memory samples (desktop.sh memory: PSS and RSS
#    of the app and its WebKit processes 10 s after the page loaded), medians.
# Kembang starts on a 200-employee database, the empty app on nothing.
set -euo pipefail
rounds=${1:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin=build/bin
empty=$bin/empty
for f in $bin/kembang $bin/kembang.exe $bin/Kembang-amd64-installer.exe; do
  [ -s "$f" ] || { echo "compare-empty: $f missing: run make build windows first" >&2; exit 1; }
done
[ -s $empty/empty-installer-kembang.exe ] || bash build/scripts/empty-wails.sh $empty >/dev/null

size() { stat -c %s "$1"; }
mib() { awk -v b="$1" 'BEGIN {printf "%.2f MiB", b / 1048576}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ki=$(size $bin/Kembang-amd64-installer.exe) ei=$(size $empty/empty-installer-kembang.exe)
ew=$(size $empty/empty-installer-wails.exe)
ke=$(size $bin/kembang.exe) ee=$(size $empty/empty.exe)
echo "installer: Kembang $(mib "$ki"); empty app with the same installer project $(mib "$ei") -> $(ratio "$ki" "$ei")x"
echo "installer: empty app with the installer Wails generates (zlib, WebView2 bootstrapper inside) $(mib "$ew") -> Kembang $(ratio "$ki" "$ew")x"
echo "exe: Kembang $(mib "$ke"), empty $(mib "$ee") -> $(ratio "$ke" "$ee")x"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for _ in $(seq "$rounds"); do
  bash build/scripts/desktop.sh coldstart $bin/kembang 1 | sed -n 's/.*median \([0-9]*\) ms.*/\1/p' >>"$tmp/k.start"
  bash build/scripts/desktop.sh coldstart $empty/empty 1 | sed -n 's/.*median \([0-9]*\) ms.*/\1/p' >>"$tmp/e.start"
done
ks=$(median <"$tmp/k.start") es=$(median <"$tmp/e.start")
echo "cold start to page loaded (median of $(wc -l <"$tmp/k.start")): Kembang $ks ms [$(sort -n "$tmp/k.start" | tr '\n' ' ')], empty $es ms [$(sort -n "$tmp/e.start" | tr '\n' ' ')] -> $(ratio "$ks" "$es")x"

mem() { bash build/scripts/desktop.sh memory "$1" 1 | sed -n 's/.*median PSS \([0-9.]*\) MiB.*RSS \([0-9.]*\) MiB.*/\1 \2/p'; }
for _ in $(seq $(((rounds + 1) / 2))); do
  mem $bin/kembang >>"$tmp/k.mem"
  mem $empty/empty >>"$tmp/e.mem"
done
kp=$(cut -d' ' -f1 "$tmp/k.mem" | median) ep=$(cut -d' ' -f1 "$tmp/e.mem" | median)
kr=$(cut -d' ' -f2 "$tmp/k.mem" | median) er=$(cut -d' ' -f2 "$tmp/e.mem" | median)
echo "idle memory, PSS (median of $(wc -l <"$tmp/k.mem")): Kembang $kp MiB, empty $ep MiB -> $(ratio "$kp" "$ep")x"
echo "idle memory, RSS (median): Kembang $kr MiB, empty $er MiB -> $(ratio "$kr" "$er")x"
