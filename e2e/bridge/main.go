// Command bridge serves the real frontend and the real bound services to a
// browser over HTTP, for the end-to-end test and for screenshots. It opens
// the data folder exactly as the desktop app does.
package main

import (
	"context"
	"errors"
	"flag"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"kembang/backend/core"
	"kembang/backend/desktop"
	"kembang/backend/store"
)

func main() {
	dataDir := flag.String("data-dir", "", "data folder")
	dist := flag.String("dist", "frontend/dist", "built frontend")
	addr := flag.String("addr", "127.0.0.1:34199", "listen address (loopback)")
	demo := flag.Int("demo", 0, "load N demo employees when the database is empty")
	flag.Parse()
	if *dataDir == "" {
		log.Fatal("bridge: --data-dir is required")
	}
	ctx := context.Background()
	c, err := core.Open(ctx, store.Config{Dir: *dataDir, Actor: "e2e"})
	var backend *desktop.Backend
	saver := desktop.DirSaver{Dir: filepath.Join(*dataDir, "saved")}
	if err != nil {
		backend = desktop.NewBackend(nil, err, *dataDir, saver)
	} else {
		if *demo > 0 {
			if empty, err := c.IsEmpty(ctx); err == nil && empty {
				if _, err := c.LoadDemo(ctx, *demo, 1); err != nil {
					log.Fatalf("bridge: demo: %v", err)
				}
			}
		}
		backend = desktop.NewBackend(c, nil, *dataDir, saver)
	}
	// Folder questions (backup to a USB drive) are answered with <data>/usb.
	backend.SetPicker(desktop.FixedPicker{Folder: filepath.Join(*dataDir, "usb")})
	srv := &http.Server{Handler: desktop.NewBridge(backend.Services(), os.DirFS(*dist)), ReadHeaderTimeout: 10 * time.Second}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("bridge: listening on http://%s", ln.Addr())
	go func() {
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
		<-stop
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	_ = backend.Close()
}
