package desktop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"reflect"
	"strings"
)

// Bridge serves the built frontend to an ordinary browser and answers its
// calls to the bound services over HTTP, the way the Wails webview does over
// its IPC: window.go.desktop.<Service>.<Method>(...args) resolves to the same
// Go method with the same JSON arguments and the same ErrorFormatter. It is
// used by the end-to-end test (Chromium driven by Playwright) and for
// screenshots; the desktop app itself never starts it.
type Bridge struct {
	methods map[string]reflect.Value
	assets  fs.FS
}

// NewBridge indexes the exported methods of services as "desktop.<Type>.<Method>".
func NewBridge(services []any, assets fs.FS) *Bridge {
	b := &Bridge{methods: map[string]reflect.Value{}, assets: assets}
	for _, svc := range services {
		v := reflect.ValueOf(svc)
		t := v.Type()
		name := t.Elem().Name()
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			b.methods["desktop."+name+"."+m.Name] = v.Method(i)
		}
	}
	return b
}

// shim defines window.go like the Wails runtime does, forwarding to /bridge/call.
const shim = `<script>
(function () {
  function call(name, args) {
    return fetch('/bridge/call', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({method: name, args: args})})
      .then(function (r) { return r.json(); })
      .then(function (j) { if (j.error) { throw j.error; } return j.result; });
  }
  function level(path) {
    return new Proxy({}, {get: function (_, key) {
      if (typeof key !== 'string' || key === 'then') { return undefined; }
      var p = path.concat([key]);
      if (p.length === 3) { return function () { return call(p.join('.'), Array.prototype.slice.call(arguments)); }; }
      return level(p);
    }});
  }
  window.go = level([]);
  window.runtime = window.runtime || {};
})();
</script>`

type bridgeCall struct {
	Method string            `json:"method"`
	Args   []json.RawMessage `json:"args"`
}

type bridgeReply struct {
	Result any `json:"result"`
	Error  any `json:"error,omitempty"`
}

// ServeHTTP answers /bridge/call and serves the frontend (index.html with the shim).
func (b *Bridge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/bridge/call" {
		b.serveCall(w, r)
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/")
	if path == "" || path == "index.html" {
		page, err := fs.ReadFile(b.assets, "index.html")
		if err != nil {
			http.Error(w, "frontend not built: run npm run build in frontend/", http.StatusInternalServerError)
			return
		}
		page = bytes.Replace(page, []byte("<head>"), []byte("<head>"+shim), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
		return
	}
	http.FileServer(http.FS(b.assets)).ServeHTTP(w, r)
}

func (b *Bridge) serveCall(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	reply := b.call(r)
	_ = json.NewEncoder(w).Encode(reply)
}

func (b *Bridge) call(r *http.Request) (reply bridgeReply) {
	if r.Method != http.MethodPost {
		return bridgeReply{Error: &ErrorDTO{Code: "invalid", Message: "POST only"}}
	}
	var c bridgeCall
	if err := json.NewDecoder(io.LimitReader(r.Body, 64<<20)).Decode(&c); err != nil {
		return bridgeReply{Error: &ErrorDTO{Code: "invalid", Message: err.Error()}}
	}
	m, ok := b.methods[c.Method]
	if !ok {
		return bridgeReply{Error: &ErrorDTO{Code: "not_found", Message: "no method " + c.Method}}
	}
	t := m.Type()
	if len(c.Args) != t.NumIn() {
		return bridgeReply{Error: &ErrorDTO{Code: "invalid", Message: fmt.Sprintf("%s takes %d arguments, got %d", c.Method, t.NumIn(), len(c.Args))}}
	}
	in := make([]reflect.Value, t.NumIn())
	for i := range in {
		p := reflect.New(t.In(i))
		if err := json.Unmarshal(c.Args[i], p.Interface()); err != nil {
			return bridgeReply{Error: &ErrorDTO{Code: "invalid", Message: fmt.Sprintf("argument %d: %v", i+1, err)}}
		}
		in[i] = p.Elem()
	}
	defer func() {
		if p := recover(); p != nil {
			reply = bridgeReply{Error: &ErrorDTO{Code: "internal", Message: fmt.Sprint(p)}}
		}
	}()
	out := m.Call(in)
	errType := reflect.TypeOf((*error)(nil)).Elem()
	for _, o := range out {
		if o.Type().Implements(errType) {
			if !o.IsNil() {
				return bridgeReply{Error: FormatError(o.Interface().(error))}
			}
			continue
		}
		reply.Result = o.Interface()
	}
	return reply
}
