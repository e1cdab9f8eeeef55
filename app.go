package main

import (
	"context"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"kembang/backend/desktop"
)

// App holds the application lifecycle only; all behaviour lives in the bound
// services of backend/desktop.
type App struct {
	backend *desktop.Backend

	mu  sync.Mutex
	ctx context.Context
}

func (a *App) startup(ctx context.Context) {
	a.mu.Lock()
	a.ctx = ctx
	a.mu.Unlock()
	a.backend.SetContext(ctx)
}

func (a *App) shutdown(context.Context) {
	_ = a.backend.Close()
}

// secondInstance brings the running window forward when Kembang is started
// again, instead of opening the database twice.
func (a *App) secondInstance(options.SecondInstanceData) {
	a.mu.Lock()
	ctx := a.ctx
	a.mu.Unlock()
	if ctx == nil {
		return
	}
	runtime.WindowUnminimise(ctx)
	runtime.Show(ctx)
	runtime.WindowSetAlwaysOnTop(ctx, true)
	runtime.WindowSetAlwaysOnTop(ctx, false)
}
