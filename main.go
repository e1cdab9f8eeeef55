package main

import (
	"context"
	"embed"
	"fmt"
	"log"
	"os"
	"strconv"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"kembang/backend/core"
	"kembang/backend/desktop"
	"kembang/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	started := time.Now()
	backend := openBackend()
	app := &App{backend: backend}
	err := wails.Run(&options.App{
		Title:     "Kembang",
		Width:     1366,
		Height:    740,
		MinWidth:  1024,
		MinHeight: 640,
		AssetServer: &assetserver.Options{
			Assets: assets,
		},
		BackgroundColour: &options.RGBA{R: 247, G: 248, B: 250, A: 1},
		OnStartup:        app.startup,
		OnDomReady: func(ctx context.Context) {
			// Cold-start measurement (docs/BENCHMARKS.md): report, and
			// optionally quit, once the page is loaded.
			if os.Getenv("KEMBANG_REPORT_STARTUP") != "" {
				fmt.Printf("kembang: dom ready after %d ms\n", time.Since(started).Milliseconds())
			}
			if os.Getenv("KEMBANG_EXIT_AFTER_READY") != "" {
				runtime.Quit(ctx)
			}
		},
		OnShutdown: app.shutdown,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "id.kembang.desktop",
			OnSecondInstanceLaunch: app.secondInstance,
		},
		ErrorFormatter: desktop.FormatError,
		Bind:           backend.Services(),
		Windows:        windowsOptions(), // WebView2 messages (webview2.go)
	})
	if err != nil {
		log.Fatal(err)
	}
}

// openBackend opens the local database. A database that cannot be opened
// (locked by another Kembang, corrupt, written by a newer version) does not
// stop the window: the UI explains the problem and nothing is overwritten.
func openBackend() *desktop.Backend {
	ctx := context.Background()
	dir, err := store.DefaultDataDir()
	if err != nil {
		return desktop.NewBackend(nil, err, "", desktop.DialogSaver{})
	}
	c, err := core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		log.Printf("kembang: database not opened: %v", err)
		return desktop.NewBackend(nil, err, dir, desktop.DialogSaver{})
	}
	if n, _ := strconv.Atoi(os.Getenv("KEMBANG_DEMO_IF_EMPTY")); n > 0 {
		if empty, err := c.IsEmpty(ctx); err == nil && empty {
			if _, err := c.LoadDemo(ctx, n, 1); err != nil {
				log.Printf("kembang: demo data not loaded: %v", err)
			}
		}
	}
	return desktop.NewBackend(c, nil, dir, desktop.DialogSaver{})
}
