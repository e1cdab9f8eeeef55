#!/usr/bin/env bash
# Runs the real desktop binary (Wails + WebKitGTK) in a virtual X display.
#   desktop.sh check BIN           start on an empty data folder, wait for the page, quit (smoke test)
#   desktop.sh coldstart BIN [N]   N starts on a 200-employee database; prints ms to page load
#   desktop.sh screenshot BIN OUT  a screenshot of the window on demo data
set -euo pipefail
mode=$1 bin=$(readlink -f "$2")
xvfb() { xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- "$@"; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

case "$mode" in
check)
  out=$(KEMBANG_DATA_DIR="$dir" KEMBANG_DEMO_IF_EMPTY=50 KEMBANG_REPORT_STARTUP=1 KEMBANG_EXIT_AFTER_READY=1 \
    timeout 120 bash -c "$(declare -f xvfb); xvfb '$bin'" 2>&1) || true
  if ! grep -q "dom ready after" <<<"$out"; then
    echo "desktop app did not load its page:"; echo "$out" | tail -20; exit 1
  fi
  [ -f "$dir/kembang.db" ] || { echo "desktop app did not create its database"; exit 1; }
  grep "dom ready after" <<<"$out"
  ;;
coldstart)
  n=${3:-10}
  KEMBANG_DATA_DIR="$dir" "$(dirname "$bin")/kembangctl" demo --employees 200 >/dev/null
  for _ in $(seq "$n"); do
    KEMBANG_DATA_DIR="$dir" KEMBANG_REPORT_STARTUP=1 KEMBANG_EXIT_AFTER_READY=1 \
      timeout 120 bash -c "$(declare -f xvfb); xvfb '$bin'" 2>&1 | sed -n 's/.*dom ready after \([0-9]*\) ms/\1/p'
  done | sort -n | awk '{a[NR]=$1} END {printf "cold start to page loaded: min %d ms, median %d ms, max %d ms (n=%d)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
  ;;
screenshot)
  out=$(readlink -f "$3")
  KEMBANG_DATA_DIR="$dir" "$(dirname "$bin")/kembangctl" demo --employees 200 >/dev/null
  cat >"$dir/shot.sh" <<SH
KEMBANG_DATA_DIR="$dir" "$bin" >"$dir/app.log" 2>&1 &
pid=\$!
for i in \$(seq 1 100); do xdotool search --onlyvisible --name Kembang >/dev/null 2>&1 && break; sleep 0.2; done
sleep 3
import -window root "$out"
kill \$pid; wait \$pid 2>/dev/null || true
SH
  timeout 120 bash -c "$(declare -f xvfb); xvfb bash '$dir/shot.sh'" >/dev/null 2>&1
  [ -s "$out" ] && echo "$out"
  ;;
*) echo "usage: $0 check|coldstart|screenshot BIN [...]"; exit 2 ;;
esac
