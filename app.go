package main

import (
	"context"

	"kembang/backend/desktop"
)

// App holds the application lifecycle only; all behaviour lives in the bound
// services of backend/desktop.
type App struct {
	backend *desktop.Backend
}

func (a *App) startup(ctx context.Context) {
	a.backend.SetContext(ctx)
}

func (a *App) shutdown(context.Context) {
	_ = a.backend.Close()
}
