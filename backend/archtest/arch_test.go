// Package archtest enforces the dependency direction of ARCHITECTURE.md:
// domain ← framework, store, importer, report, syncproto ← core, sync,
// server ← desktop ← root. secret (protection of secrets at rest) imports
// no project package and sits below store. Only desktop (and the root package) may import
// Wails; domain imports nothing outside the standard library.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "kembang/backend/"

// allowed lists, per package (directory under backend/), the project
// packages its non-test files may import. A sub-package inherits its
// parent's entry unless it has its own.
var allowed = map[string][]string{
	"domain":              {},
	"secret":              {},
	"secret/secrettest":   {"secret"},
	"framework":           {"domain"},
	"store":               {"domain", "secret"},
	"store/storetest":     {"domain", "store"},
	"importer":            {"domain"},
	"importer/importtest": {"domain", "importer"},
	"report":              {"domain"},
	"syncproto":           {"domain"},
	"demo":                {"domain", "framework"},
	"core":                {"domain", "secret", "framework", "store", "importer", "report", "demo"},
	"sync":                {"domain", "secret", "framework", "store", "importer", "report", "syncproto", "core"},
	"server":              {"domain", "framework", "store", "importer", "report", "syncproto", "core"},
	"server/readmodel":    {"domain"},
	"server/web":          {"domain", "framework", "store", "report", "syncproto", "core", "server"},
	"desktop":             {"domain", "secret", "framework", "store", "importer", "report", "syncproto", "demo", "core", "sync"},
	"cmd":                 {"domain", "secret", "framework", "store", "importer", "report", "syncproto", "demo", "core", "sync", "server"},
	"archtest":            {},
}

// mayImportWails are the only backend packages allowed to import Wails.
var mayImportWails = map[string]bool{"desktop": true}

func rule(pkg string) (string, []string, bool) {
	for p := pkg; p != "."; p = filepath.ToSlash(filepath.Dir(p)) {
		if r, ok := allowed[p]; ok {
			return p, r, true
		}
	}
	return "", nil, false
}

func TestImportDirection(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	var problems []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		name, allow, ok := rule(pkg)
		if !ok {
			problems = append(problems, pkg+": package has no rule in archtest (add one)")
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			relFile, _ := filepath.Rel(root, path)
			switch {
			case strings.HasPrefix(p, "github.com/wailsapp/"):
				if !mayImportWails[name] {
					problems = append(problems, relFile+" imports Wails ("+p+")")
				}
			case strings.HasPrefix(p, module):
				target := strings.TrimPrefix(p, module)
				if !within(target, pkg) && !permitted(target, allow) {
					problems = append(problems, relFile+" imports "+p)
				}
			case name == "domain" && strings.Contains(strings.SplitN(p, "/", 2)[0], "."):
				problems = append(problems, relFile+" imports non-standard "+p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Fatalf("only %d files checked: is the walk pointing at backend/?", checked)
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// within reports whether target is pkg itself or below it.
func within(target, pkg string) bool {
	return target == pkg || strings.HasPrefix(target, pkg+"/")
}

func permitted(target string, allow []string) bool {
	for _, a := range allow {
		if within(target, a) {
			return true
		}
	}
	return false
}

// The frontend reaches Go only through src/api/: no other file imports the
// generated bindings or touches window.go.
func TestFrontendUsesAPILayer(t *testing.T) {
	src, err := filepath.Abs("../../frontend/src")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(src); err != nil {
		t.Skipf("frontend sources not present: %v", err)
	}
	var problems []string
	checked := 0
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := filepath.Ext(path)
		if d.IsDir() || (ext != ".ts" && ext != ".svelte" && ext != ".js") {
			return nil
		}
		rel, _ := filepath.Rel(src, path)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "api/") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		s := string(b)
		if strings.Contains(s, "wailsjs/") || strings.Contains(s, "window.go") || strings.Contains(s, "window['go']") {
			problems = append(problems, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no frontend files checked")
	}
	for _, p := range problems {
		t.Errorf("%s reaches Go without going through src/api/", p)
	}
}
