package desktop_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"kembang/backend/desktop"
	"kembang/backend/domain"
	"kembang/backend/importer/importtest"
)

var frontend = fstest.MapFS{
	"index.html":    {Data: []byte("<!doctype html><html><head><title>Kembang</title></head><body><div id=app></div></body></html>")},
	"assets/app.js": {Data: []byte("console.log('kembang')")},
}

// newBridge serves the services of s and the fake frontend.
func newBridge(t *testing.T, s services) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(desktop.NewBridge(s.backend.Services(), frontend))
	t.Cleanup(srv.Close)
	return srv
}

type reply struct {
	Result json.RawMessage   `json:"result"`
	Error  *desktop.ErrorDTO `json:"error"`
}

// call posts one bridge call; args are marshalled as JSON.
func call(t *testing.T, srv *httptest.Server, method string, args ...any) reply {
	t.Helper()
	raw := make([]json.RawMessage, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		raw[i] = b
	}
	body, err := json.Marshal(map[string]any{"method": method, "args": raw})
	if err != nil {
		t.Fatal(err)
	}
	return post(t, srv, body)
}

func post(t *testing.T, srv *httptest.Server, body []byte) reply {
	t.Helper()
	resp, err := http.Post(srv.URL+"/bridge/call", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var r reply
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

func get(t *testing.T, srv *httptest.Server, path string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

func TestBridgeServesIndexWithTheShimInHead(t *testing.T) {
	t.Parallel()
	srv := newBridge(t, openServices(t))
	for _, path := range []string{"/", "/index.html"} {
		status, ct, body := get(t, srv, path)
		if status != http.StatusOK || !strings.HasPrefix(ct, "text/html") {
			t.Errorf("GET %s: %d %q", path, status, ct)
		}
		if !strings.Contains(body, "<head><script>") || !strings.Contains(body, "window.go = level([])") {
			t.Errorf("GET %s: the shim is not the first thing in <head>:\n%s", path, body)
		}
		if strings.Count(body, "window.go = level([])") != 1 {
			t.Errorf("GET %s: shim injected more than once", path)
		}
		if !strings.Contains(body, "<div id=app></div>") {
			t.Errorf("GET %s: page body lost", path)
		}
	}
	status, _, body := get(t, srv, "/assets/app.js")
	if status != http.StatusOK || body != "console.log('kembang')" {
		t.Errorf("GET /assets/app.js: %d %q", status, body)
	}
}

func TestBridgeWithoutBuiltFrontendSaysSo(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	srv := httptest.NewServer(desktop.NewBridge(s.backend.Services(), fstest.MapFS{}))
	defer srv.Close()
	status, _, body := get(t, srv, "/")
	if status != http.StatusInternalServerError || !strings.Contains(body, "npm run build") {
		t.Errorf("GET / without index.html: %d %q", status, body)
	}
}

func TestBridgeCallReturnsWhatTheGoMethodReturns(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	srv := newBridge(t, s)
	upload(t, s, importtest.EmployeesXLSX(15, 4))

	q := desktop.EmployeeQuery{Text: "", Limit: 10, Offset: 2}
	direct, err := s.employees.Search(q)
	if err != nil {
		t.Fatal(err)
	}
	if direct.Total != 15 || len(direct.Items) != 10 {
		t.Fatalf("direct Search = %d items of %d, want 10 of 15", len(direct.Items), direct.Total)
	}
	want, err := json.Marshal(direct)
	if err != nil {
		t.Fatal(err)
	}

	r := call(t, srv, "desktop.EmployeeService.Search", q)

	if r.Error != nil {
		t.Fatalf("bridge error %+v", r.Error)
	}
	if !bytes.Equal(r.Result, want) {
		t.Errorf("bridge result differs from the Go method:\n got %s\nwant %s", r.Result, want)
	}
}

func TestBridgeCallResults(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	srv := newBridge(t, s)
	tests := []struct {
		name   string
		method string
		args   []any
		want   string
	}{
		{"method without error return", "desktop.EmployeeService.CheckNIP", []any{"199001012015031001"},
			`"valid":true`},
		{"method returning only an error", "desktop.AppService.SetLocale", []any{"en"}, `null`},
		{"method without arguments", "desktop.FrameworkService.ListVersions", nil, `"number":1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, srv, tt.method, tt.args...)
			if r.Error != nil {
				t.Fatalf("error %+v", r.Error)
			}
			if !strings.Contains(string(r.Result), tt.want) {
				t.Errorf("result %s does not contain %s", r.Result, tt.want)
			}
		})
	}
}

func TestBridgeCallErrors(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	srv := newBridge(t, s)
	tests := []struct {
		name    string
		body    string
		code    string
		message string
	}{
		{"a failing call carries the domain code", `{"method":"desktop.EmployeeService.Get","args":["no-such-id"]}`,
			domain.CodeNotFound, "not_found"},
		{"validation failure", `{"method":"desktop.AppService.SetLocale","args":["fr"]}`, domain.CodeInvalid, "locale"},
		{"too few arguments", `{"method":"desktop.EmployeeService.Get","args":[]}`, "invalid", "takes 1 arguments, got 0"},
		{"too many arguments", `{"method":"desktop.AppService.Info","args":[1]}`, "invalid", "takes 0 arguments, got 1"},
		{"argument of the wrong type", `{"method":"desktop.EmployeeService.Search","args":["text"]}`, "invalid", "argument 1"},
		{"unknown method", `{"method":"desktop.EmployeeService.Drop","args":[]}`, "not_found", "no method desktop.EmployeeService.Drop"},
		{"unknown service", `{"method":"desktop.Nope.Info","args":[]}`, "not_found", "no method"},
		{"the Backend itself is not exposed", `{"method":"desktop.Backend.Close","args":[]}`, "not_found", "no method"},
		{"body that is not JSON", `{"method":`, "invalid", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := post(t, srv, []byte(tt.body))
			if r.Error == nil {
				t.Fatalf("no error; result %s", r.Result)
			}
			if r.Error.Code != tt.code || !strings.Contains(r.Error.Message, tt.message) {
				t.Errorf("error = %+v, want code %q and a message containing %q", r.Error, tt.code, tt.message)
			}
		})
	}
}

func TestBridgeValidationErrorCarriesFieldDetails(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	srv := newBridge(t, s)
	r := call(t, srv, "desktop.EmployeeService.Save", desktop.EmployeeInput{NIP: "123", Name: ""})
	if r.Error == nil || r.Error.Code != domain.CodeInvalid {
		t.Fatalf("error = %+v, want code invalid", r.Error)
	}
	fields, ok := r.Error.Details["fields"].([]any)
	if !ok || len(fields) == 0 {
		t.Fatalf("details = %#v, want a fields list", r.Error.Details)
	}
	seen := map[string]bool{}
	for _, f := range fields {
		m, _ := f.(map[string]any)
		seen[m["field"].(string)] = true
	}
	if !seen["nip"] || !seen["name"] {
		t.Errorf("fields = %v, want nip and name among them", fields)
	}
}

func TestBridgeAcceptsOnlyPOST(t *testing.T) {
	t.Parallel()
	srv := newBridge(t, openServices(t))
	status, _, body := get(t, srv, "/bridge/call")
	var r reply
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("GET /bridge/call: %d %q", status, body)
	}
	if r.Error == nil || r.Error.Message != "POST only" {
		t.Errorf("GET /bridge/call error = %+v, want POST only", r.Error)
	}
}

// upload previews and commits an employee file through the service.
func upload(t *testing.T, s services, data []byte) desktop.JobStatus {
	t.Helper()
	p, err := s.transfer.Preview("employees", "pegawai.xlsx", base64.StdEncoding.EncodeToString(data))
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.transfer.Commit(p.Token, false)
	if err != nil {
		t.Fatal(err)
	}
	st := waitJob(t, s.transfer, id)
	if st.Error != nil {
		t.Fatalf("import job failed: %+v", st.Error)
	}
	return st
}
