# Kembang — the two commands a developer needs are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
VERSION ?= 0.1.0
LDFLAGS := -X kembang/backend/core.Version=$(VERSION)

# Debian 12 has WebKitGTK 4.0; distributions with only 4.1 need the webkit2_41 tag.
WEBKIT_TAG := $(shell pkg-config --exists webkit2gtk-4.0 2>/dev/null || { pkg-config --exists webkit2gtk-4.1 2>/dev/null && echo ,webkit2_41; })
TAGS := desktop,production$(WEBKIT_TAG)

FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)

WAILS := $(shell $(GO) env GOPATH)/bin/wails

.PHONY: windows run build deps deps-test frontend test test-go test-frontend e2e desktop-check bench bench-coldstart screenshots ctl clean fmt

## run: install what is missing, build and start the desktop app (demo data on an empty database)
run: build
	KEMBANG_DEMO_IF_EMPTY=$${KEMBANG_DEMO_IF_EMPTY:-250} ./build/bin/kembang

## build: the desktop binary in build/bin/kembang, and kembangctl beside it
build: deps frontend
	$(GO) build -tags $(TAGS) -ldflags "-w -s $(LDFLAGS)" -o build/bin/kembang .
	$(GO) build -ldflags "$(LDFLAGS)" -o build/bin/kembangctl ./backend/cmd/kembangctl

ctl:
	$(GO) build -ldflags "$(LDFLAGS)" -o build/bin/kembangctl ./backend/cmd/kembangctl

deps:
	@bash build/scripts/deps.sh run
	@command -v npm >/dev/null || { echo "Node.js and npm are required (Debian: apt-get install nodejs npm)"; exit 1; }

deps-test:
	@bash build/scripts/deps.sh test
	@command -v npm >/dev/null || { echo "Node.js and npm are required (Debian: apt-get install nodejs npm)"; exit 1; }

# npm install (not npm ci): the committed lock pins every version, but npm ci rejects a lock
# that lists only this platform's optional rollup/esbuild binaries.
frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm install --no-audit --no-fund

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	cd frontend && npm run build

frontend: frontend/dist/index.html

## test: every test — Go (race detector; PostgreSQL too when KEMBANG_TEST_PG_DSN is set), frontend, end-to-end
test: deps-test test-go test-frontend e2e desktop-check

test-go:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/*')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -race -count=1 ./backend/...

test-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run check && npm test

## e2e: the real frontend and the real Go services in Debian's Chromium (screenshots in frontend/test-results)
e2e: frontend
	$(GO) build -o build/bin/kembang-bridge ./e2e/bridge
	cd frontend && KEMBANG_BRIDGE=../build/bin/kembang-bridge node --test e2e/

## desktop-check: the real desktop binary starts in a virtual display and loads its page
desktop-check: build
	bash build/scripts/desktop.sh check build/bin/kembang

## screenshots: run the end-to-end test and keep its screenshots in docs/screenshots
screenshots: frontend
	$(GO) build -o build/bin/kembang-bridge ./e2e/bridge
	cd frontend && KEMBANG_BRIDGE=../build/bin/kembang-bridge KEMBANG_SCREENSHOTS=../docs/screenshots node --test e2e/
	$(MAKE) build
	bash build/scripts/desktop.sh screenshot build/bin/kembang docs/screenshots/desktop-window.png

## bench: the benchmarks behind docs/BENCHMARKS.md
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime=5x ./backend/...

## bench-coldstart: start the real app 10 times and report time to page loaded
bench-coldstart: build
	bash build/scripts/desktop.sh coldstart build/bin/kembang 10

## windows: cross-build the Windows exe and its NSIS installer into build/bin (needs the nsis package)
windows: frontend/node_modules/.package-lock.json
	@command -v makensis >/dev/null || { echo "makensis missing: apt-get install nsis"; exit 1; }
	@test -x $(WAILS) || $(GO) install github.com/wailsapp/wails/v2/cmd/wails@v2.11.0
	$(WAILS) build -platform windows/amd64 -nsis -m -nosyncgomod -skipbindings -trimpath -ldflags "$(LDFLAGS)"
	@test -s build/bin/Kembang-amd64-installer.exe || { echo "installer was not produced"; exit 1; }
	@ls -l build/bin/kembang.exe build/bin/Kembang-amd64-installer.exe

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf build/bin frontend/test-results
