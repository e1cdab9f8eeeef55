package report

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Golden tests: every document is rendered from fixed data, its text is
// extracted from the real PDF with poppler's pdftotext -layout and
// compared with testdata/<doc>.golden. Refresh after an intended change
// with
//
//	go test ./backend/report/ -run TestGolden -update
//
// and read the diff before committing it. Without pdftotext (Debian
// package poppler-utils) the tests skip with that reason.

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// wantPages is the page count of each golden document.
var wantPages = map[string]int{
	"idp":                          2,
	"certificates":                 3,
	"certificates-two-signatories": 1,
	"recap-jpm":                    1,
	"recap-jp":                     1,
	"attendance":                   2,
	"attendance-5-days":            6,
	"history":                      1,
}

func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (Debian: apt-get install poppler-utils / zbar-tools): %v", name, err)
	}
	return p
}

// renderToFile writes doc name to a temporary PDF.
func renderToFile(t *testing.T, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := goldenDocs()[name](&buf); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// normaliseText makes pdftotext output stable and readable: trailing
// spaces dropped, each page headed by a marker line.
func normaliseText(s string) string {
	pages := strings.Split(s, "\f")
	if len(pages) > 1 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1] // the form feed after the last page
	}
	var b strings.Builder
	for i, p := range pages {
		b.WriteString("===== halaman " + strconv.Itoa(i+1) + " =====\n")
		lines := strings.Split(strings.TrimRight(p, "\n"), "\n")
		for _, l := range lines {
			b.WriteString(strings.TrimRight(l, " \t"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	tool := needTool(t, "pdftotext")
	names := make([]string, 0, len(goldenDocs()))
	for name := range goldenDocs() {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			path := renderToFile(t, name)
			out, err := exec.Command(tool, "-layout", "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			got := normaliseText(string(out))
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("text of %s differs from %s (run with -update after checking):\n%s", name, golden, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff shows the first differing lines.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + "\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// TestStructure checks each document's page count and that every word
// lies inside the page with a margin of 5 mm: long names and unit names
// wrap or shrink instead of running off the paper.
func TestStructure(t *testing.T) {
	tool := needTool(t, "pdftotext")
	const marginPt = 5 * 72 / 25.4
	for name, want := range wantPages {
		t.Run(name, func(t *testing.T) {
			path := renderToFile(t, name)
			out, err := exec.Command(tool, "-bbox", "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext -bbox: %v", err)
			}
			pages := bboxPage.FindAllStringSubmatchIndex(string(out), -1)
			if len(pages) != want {
				t.Errorf("%d pages, want %d", len(pages), want)
			}
			s := string(out)
			for i, p := range pages {
				end := len(s)
				if i+1 < len(pages) {
					end = pages[i+1][0]
				}
				pw, _ := strconv.ParseFloat(s[p[2]:p[3]], 64)
				ph, _ := strconv.ParseFloat(s[p[4]:p[5]], 64)
				words := bboxWord.FindAllStringSubmatch(s[p[1]:end], -1)
				if len(words) == 0 {
					t.Errorf("page %d has no text", i+1)
				}
				for _, w := range words {
					x0, _ := strconv.ParseFloat(w[1], 64)
					y0, _ := strconv.ParseFloat(w[2], 64)
					x1, _ := strconv.ParseFloat(w[3], 64)
					y1, _ := strconv.ParseFloat(w[4], 64)
					if x0 < marginPt || y0 < marginPt || x1 > pw-marginPt || y1 > ph-marginPt {
						t.Errorf("page %d: %q at (%.0f,%.0f)-(%.0f,%.0f) is outside the printable area of %.0f×%.0f pt", i+1, w[5], x0, y0, x1, y1, pw, ph)
					}
				}
			}
		})
	}
}

// TestUnicodeNames checks that accented and apostrophe names come out of
// the PDF as they went in (the embedded font maps them).
func TestUnicodeNames(t *testing.T) {
	tool := needTool(t, "pdftotext")
	path := renderToFile(t, "idp")
	out, err := exec.Command(tool, "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Ni Luh Putu Ayu Ma'ruf, S.Psi., M.Si.", "André Wijaya, S.T., M.M.", "NIP 19850714 201001 2 003",
		"Penata (III/c)", "Sleman, 23 November 2026", "Halaman 1 dari 2", "Halaman 2 dari 2", "Rp6.500.000", "92,73%"} {
		if !strings.Contains(string(out), s) {
			t.Errorf("IDP text lacks %q", s)
		}
	}
}
