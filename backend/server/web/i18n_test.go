package web

import (
	"io/fs"
	"regexp"
	"testing"
)

// Every message a template asks for exists in both languages: a missing
// key would show the key itself on the page.
func TestTemplateMessagesExist(t *testing.T) {
	re := regexp.MustCompile(`\{\{-?\s*t\s+"([^"]+)"`)
	n := 0
	err := fs.WalkDir(assets, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets, path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			n++
			msg, ok := messages[m[1]]
			if !ok || msg[0] == "" || msg[1] == "" {
				t.Errorf("%s: message %q missing in Indonesian or English", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("found only %d template messages; the pattern no longer matches the templates", n)
	}
}
