#!/usr/bin/env bash
# Builds an empty Wails v2 app beside Kembang, as the yardstick of
# docs/BENCHMARKS.md ("Windows installer, start and memory"):
#   empty-wails.sh OUTDIR
# `wails init -n empty -t vanilla` with the same Wails CLI (v2.11.0), then
# - OUTDIR/empty.exe and OUTDIR/empty-installer-wails.exe: the Windows build
#   with the same flags as `make windows` and the NSIS project Wails generates;
# - OUTDIR/empty-installer-kembang.exe: the same exe packed by Kembang's own
#   project.nsi, so the installers differ only in the app inside;
# - OUTDIR/empty: the Linux build with the same tags and flags as `make build`,
#   reporting "dom ready after N ms" like Kembang for desktop.sh.
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
wails=${WAILS:-$(go env GOPATH)/bin/wails}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$wails" init -n empty -t vanilla -q >/dev/null
cd empty

# The template's window, plus the same start-up report Kembang's main.go has.
cat >main.go <<'GO'
package main

import (
	"context"
	"embed"
	"fmt"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	started := time.Now()
	app := NewApp()
	err := wails.Run(&options.App{
		Title:            "empty",
		Width:            1024,
		Height:           768,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 27, G: 38, B: 54, A: 1},
		OnStartup:        app.startup,
		OnDomReady: func(ctx context.Context) {
			if os.Getenv("KEMBANG_REPORT_STARTUP") != "" {
				fmt.Printf("empty: dom ready after %d ms\n", time.Since(started).Milliseconds())
			}
			if os.Getenv("KEMBANG_EXIT_AFTER_READY") != "" {
				runtime.Quit(ctx)
			}
		},
		Bind: []interface{}{app},
	})
	if err != nil {
		println("Error:", err.Error())
	}
}
GO

"$wails" build -platform windows/amd64 -nsis -m -nosyncgomod -skipbindings -trimpath >"$tmp/build.log" 2>&1 ||
  { tail -20 "$tmp/build.log"; exit 1; }
cp build/bin/empty.exe "$out/empty.exe"
cp build/bin/empty-amd64-installer.exe "$out/empty-installer-wails.exe"

# The same exe in Kembang's installer project (its signing hook included).
cp "$root/build/windows/installer/project.nsi" build/windows/installer/project.nsi
mkdir -p build/scripts
cp "$root/build/scripts/sign-windows.sh" build/scripts/
(cd build/windows/installer && makensis -V1 -DARG_WAILS_AMD64_BINARY="$PWD/../../bin/empty.exe" project.nsi \
  "-XOutFile $out/empty-installer-kembang.exe")

# Linux, like `make build`.
webkit_tag=$(pkg-config --exists webkit2gtk-4.0 2>/dev/null || { pkg-config --exists webkit2gtk-4.1 2>/dev/null && echo ,webkit2_41; })
go build -tags "desktop,production$webkit_tag" -ldflags "-w -s" -o "$out/empty" .
ls -l "$out"
