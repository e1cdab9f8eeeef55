#!/usr/bin/env bash
# Runs the real desktop binary (Wails + WebKitGTK) in a virtual X display.
#   desktop.sh check BIN           start on an empty data folder, wait for the page, quit (smoke test)
#   desktop.sh coldstart BIN [N]   N starts on a 200-employee database; prints ms to page load
#   desktop.sh memory BIN [N]      N starts; memory of the whole process tree (app + WebKit
#                                  processes) once idle, KEMBANG_SETTLE s (default 10) after page load
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
  # A binary without kembangctl beside it (the empty Wails app of
  # empty-wails.sh) starts without demo data.
  ctl="$(dirname "$bin")/kembangctl"
  [ -x "$ctl" ] && KEMBANG_DATA_DIR="$dir" "$ctl" demo --employees 200 >/dev/null
  for _ in $(seq "$n"); do
    KEMBANG_DATA_DIR="$dir" KEMBANG_REPORT_STARTUP=1 KEMBANG_EXIT_AFTER_READY=1 \
      timeout 120 bash -c "$(declare -f xvfb); xvfb '$bin'" 2>&1 | sed -n 's/.*dom ready after \([0-9]*\) ms/\1/p'
  done | sort -n | awk '{a[NR]=$1} END {printf "cold start to page loaded: min %d ms, median %d ms, max %d ms (n=%d)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
  ;;
memory)
  n=${3:-5} settle=${KEMBANG_SETTLE:-10}
  ctl="$(dirname "$bin")/kembangctl"
  [ -x "$ctl" ] && KEMBANG_DATA_DIR="$dir" "$ctl" demo --employees 200 >/dev/null
  cat >"$dir/mem.sh" <<'SH'
# Starts BIN, waits for its page, lets it settle, then sums Rss and Pss
# (proportional: shared pages split between the processes that map them) of
# the app and every process under it (WebKitWebProcess, WebKitNetworkProcess).
bin=$1 settle=$2 log=$3
KEMBANG_REPORT_STARTUP=1 "$bin" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do grep -q "dom ready after" "$log" && break; sleep 0.1; done
grep -q "dom ready after" "$log" || { echo "no page"; kill $pid; exit 1; }
sleep "$settle"
tree() { echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }
rss=0 pss=0 procs=0
for p in $(tree $pid); do
  r=$(awk '/^Rss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null) || continue
  s=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null) || continue
  rss=$((rss + ${r:-0})) pss=$((pss + ${s:-0})) procs=$((procs + 1))
done
echo "$rss $pss $procs"
kill $pid; wait $pid 2>/dev/null || true
SH
  for _ in $(seq "$n"); do
    KEMBANG_DATA_DIR="$dir" timeout 180 bash -c "$(declare -f xvfb); xvfb bash '$dir/mem.sh' '$bin' '$settle' '$dir/app.log'" 2>/dev/null | tail -1
  done | sort -n -k2 | awk '{r[NR]=$1; p[NR]=$2; c=$3} END {m=int((NR+1)/2);
    printf "idle memory after %s s: median PSS %.1f MiB (min %.1f, max %.1f), RSS %.1f MiB in that run, %d processes (n=%d)\n",
      "'"$settle"'", p[m]/1024, p[1]/1024, p[NR]/1024, r[m]/1024, c, NR}'
  ;;
screenshot)
  out=$(readlink -f "$3")
  mkdir "$dir/data"
  KEMBANG_DATA_DIR="$dir/data" "$(dirname "$bin")/kembangctl" demo --employees 200 >/dev/null
  # The app shows its data folder: it runs as an office laptop's user
  # "pegawai" with the data in that user's default folder, in its own user
  # and mount namespace (util-linux unshare) where a private /home holds
  # /home/pegawai/.config/Kembang bound to the real folder. So the picture
  # never shows this machine's temporary folders.
  cat >"$dir/shot.sh" <<SH
mount -t tmpfs -o mode=755 kembang-home /home
mkdir -p /home/pegawai/.config/Kembang
mount --bind "$dir/data" /home/pegawai/.config/Kembang
export HOME=/home/pegawai USER=pegawai LOGNAME=pegawai
unset XDG_CONFIG_HOME KEMBANG_DATA_DIR
"$bin" >"$dir/app.log" 2>&1 &
pid=\$!
for i in \$(seq 1 100); do xdotool search --onlyvisible --name Kembang >/dev/null 2>&1 && break; sleep 0.2; done
sleep 3
import -window root "$out"
kill \$pid; wait \$pid 2>/dev/null || true
SH
  unshare --user --map-root-user --mount --propagation private true 2>/dev/null || {
    echo "the screenshot needs unshare --user --mount (util-linux, unprivileged user namespaces)"; exit 1; }
  timeout 120 bash -c "$(declare -f xvfb); xvfb unshare --user --map-root-user --mount --propagation private bash '$dir/shot.sh'" >/dev/null 2>&1
  [ -s "$out" ] && echo "$out"
  ;;
*) echo "usage: $0 check|coldstart|memory|screenshot BIN [...]"; exit 2 ;;
esac
