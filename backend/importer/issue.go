package importer

import (
	"strings"

	"kembang/backend/domain"
)

// Sheet names of Kembang's own files.
const (
	SheetEmployees    = "Pegawai"
	SheetPositions    = "Jabatan"
	SheetCompetencies = "Kompetensi Teknis"
	SheetInstructions = "Petunjuk"
)

// Issue is one problem (or warning) in a spreadsheet, at a row and column.
// Code is stable; the UI and CLI turn it into a message.
type Issue struct {
	Row     int            `json:"row"`    // spreadsheet row number, header = 1
	Column  string         `json:"column"` // header as written in the file
	Code    string         `json:"code"`
	Value   string         `json:"value,omitempty"`
	Details map[string]any `json:"details,omitempty"`
}

// Known lists what already exists, as lower-cased trimmed names, so the
// report can warn about what an import would create.
type Known struct {
	Units     map[string]bool
	Positions map[string]bool
}

// NameKey is how names are compared: trimmed, inner spaces collapsed, lower
// case. The store should match units and positions by the same key.
func NameKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// cleanText trims and collapses inner whitespace.
func cleanText(s string) string {
	if !strings.ContainsAny(s, "  \t\r\n\u00a0") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// headerKey normalises a header for matching: case, spaces, a trailing "*"
// (required marker) and a parenthesised hint ("Jenis Kelamin (L/P)").
func headerKey(h string) string {
	h = strings.TrimSpace(h)
	if i := strings.IndexByte(h, '('); i > 0 {
		h = h[:i]
	}
	h = strings.TrimRight(h, "* ")
	h = strings.ReplaceAll(h, "_", " ")
	return NameKey(h)
}

// columns maps the known headers of a table to their index.
type columns struct {
	index  map[string]int    // header key → column index
	header map[string]string // header key → header as written
}

// matchHeaders finds each wanted header key in t.Headers. Missing required
// headers and duplicated known headers are file-level errors. Headers not in
// want are returned as unknown (index → text).
func matchHeaders(op string, headers []string, required, optional []string) (columns, map[int]string, error) {
	want := make(map[string]bool, len(required)+len(optional))
	for _, k := range required {
		want[k] = true
	}
	for _, k := range optional {
		want[k] = true
	}
	c := columns{index: map[string]int{}, header: map[string]string{}}
	unknown := map[int]string{}
	for i, h := range headers {
		if h == "" {
			continue
		}
		k := headerKey(h)
		if !want[k] {
			unknown[i] = h
			continue
		}
		if _, dup := c.index[k]; dup {
			return c, nil, domain.E(domain.CodeImportHeaderDuplicate, op, nil, "header", h)
		}
		c.index[k] = i
		c.header[k] = h
	}
	var missing []string
	for _, k := range required {
		if _, ok := c.index[k]; !ok {
			missing = append(missing, displayHeader(k))
		}
	}
	if len(missing) > 0 {
		return c, nil, domain.E(domain.CodeImportHeaderMissing, op, nil, "missing", missing)
	}
	return c, unknown, nil
}

// col returns the column index of key, or -1.
func (c columns) col(key string) int {
	if i, ok := c.index[key]; ok {
		return i
	}
	return -1
}

// name returns the header as written, or the display form when absent.
func (c columns) name(key string) string {
	if h, ok := c.header[key]; ok {
		return h
	}
	return displayHeader(key)
}

// displayHeader turns a header key back into the template's spelling.
func displayHeader(key string) string {
	switch key {
	case "nip":
		return "NIP"
	case "email":
		return "Email"
	}
	words := strings.Fields(key)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
