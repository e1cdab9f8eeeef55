# Kembang — the two commands a developer needs are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
# One version for the binaries and the Windows resources/installer: wails.json's productVersion.
VERSION ?= $(shell sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
LDFLAGS := -X kembang/backend/core.Version=$(VERSION)

# Debian 12 has WebKitGTK 4.0; distributions with only 4.1 need the webkit2_41 tag.
WEBKIT_TAG := $(shell pkg-config --exists webkit2gtk-4.0 2>/dev/null || { pkg-config --exists webkit2gtk-4.1 2>/dev/null && echo ,webkit2_41; })
TAGS := desktop,production$(WEBKIT_TAG)

FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)

WAILS := $(shell $(GO) env GOPATH)/bin/wails

.PHONY: windows windows-online windows-check windows-wine-test secret-wine-test bench-empty run build deps deps-test frontend test test-go test-frontend e2e web-e2e web-screenshots desktop-check bench bench-coldstart screenshots ctl clean fmt

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
test: deps-test test-go test-frontend e2e web-e2e desktop-check windows-check

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
	$(GO) build -o build/bin/kembang-server ./backend/cmd/kembang-server
	cd frontend && KEMBANG_BRIDGE=../build/bin/kembang-bridge node --test e2e/

## web-e2e: the central web dashboard in Chromium against the real kembang-server, synced by the real kembangctl
## (PostgreSQL when KEMBANG_TEST_PG_DSN is set, SQLite otherwise)
web-e2e: frontend/node_modules/.package-lock.json
	$(GO) build -o build/bin/kembang-server ./backend/cmd/kembang-server
	$(GO) build -ldflags "$(LDFLAGS)" -o build/bin/kembangctl ./backend/cmd/kembangctl
	$(GO) build -o build/bin/kembang-webtool ./e2e/webtool
	cd frontend && KEMBANG_BIN=../build/bin node --test e2e-web/

## web-screenshots: the web dashboard's screenshots into docs/screenshots/web-*.png
web-screenshots: frontend/node_modules/.package-lock.json
	$(GO) build -o build/bin/kembang-server ./backend/cmd/kembang-server
	$(GO) build -ldflags "$(LDFLAGS)" -o build/bin/kembangctl ./backend/cmd/kembangctl
	$(GO) build -o build/bin/kembang-webtool ./e2e/webtool
	cd frontend && KEMBANG_BIN=../build/bin KEMBANG_SCREENSHOTS=../docs/screenshots node --test e2e-web/

## desktop-check: the real desktop binary starts in a virtual display and loads its page
desktop-check: build
	bash build/scripts/desktop.sh check build/bin/kembang

## screenshots: run the end-to-end test and keep its screenshots in docs/screenshots
screenshots: frontend
	$(GO) build -o build/bin/kembang-bridge ./e2e/bridge
	$(GO) build -o build/bin/kembang-server ./backend/cmd/kembang-server
	cd frontend && KEMBANG_BRIDGE=../build/bin/kembang-bridge KEMBANG_SCREENSHOTS=../docs/screenshots node --test e2e/
	$(MAKE) build
	bash build/scripts/desktop.sh screenshot build/bin/kembang docs/screenshots/desktop-window.png

## bench: the benchmarks behind docs/BENCHMARKS.md
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime=5x ./backend/...

## bench-coldstart: start the real app 10 times and report time to page loaded
bench-coldstart: build
	bash build/scripts/desktop.sh coldstart build/bin/kembang 10

## windows: cross-build the Windows exe and its NSIS installer into build/bin (docs/INSTALL.md);
## signed when KEMBANG_SIGN_CERT is set (build/scripts/sign-windows.sh)
WINDOWS_INSTALLER := build/bin/Kembang-amd64-installer.exe
windows: frontend
	@bash build/scripts/deps.sh windows
	@test -x $(WAILS) || $(GO) install github.com/wailsapp/wails/v2/cmd/wails@v2.11.0
	@# go build keeps an up-to-date exe as it is, signature included: start from a fresh one
	rm -f build/bin/kembang.exe $(WINDOWS_INSTALLER)
	$(WAILS) build -platform windows/amd64 -nsis -s -m -nosyncgomod -skipbindings -trimpath -ldflags "$(LDFLAGS)"
	@test -s $(WINDOWS_INSTALLER) || { echo "installer was not produced"; exit 1; }
	@ls -l build/bin/kembang.exe $(WINDOWS_INSTALLER)

## windows-online: also the installer variant that carries the WebView2 bootstrapper (needs internet on the laptop)
windows-online: windows
	cd build/windows/installer && KEMBANG_WEBVIEW2_BOOTSTRAPPER=1 makensis -V2 -DARG_WAILS_AMD64_BINARY=$(CURDIR)/build/bin/kembang.exe project.nsi
	@ls -l build/bin/Kembang-amd64-installer-online.exe

## windows-check: build the installer and check it (PE headers, NSIS contents, size bounds, version info, signing)
windows-check: windows
	bash build/scripts/windows-check.sh build/bin/kembang.exe $(WINDOWS_INSTALLER) $(VERSION)

## bench-empty: installer size, cold start and idle memory beside an empty Wails app (docs/BENCHMARKS.md)
bench-empty: build windows
	bash build/scripts/compare-empty.sh 10

## windows-wine-test: run the installer's logic silently under Wine (needs the wine64 package; not in make test)
windows-wine-test: windows
	bash build/scripts/windows-wine-test.sh build/bin/kembang.exe

## secret-wine-test: backend/secret's DPAPI tests as a Windows program under Wine (needs wine64 and
## binutils-mingw-w64-x86-64; not in make test)
secret-wine-test:
	bash build/scripts/secret-wine-test.sh

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf build/bin frontend/test-results
