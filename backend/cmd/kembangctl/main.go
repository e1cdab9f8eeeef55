// Command kembangctl is Kembang's admin CLI. It shares all code with the
// desktop app (backend/core) and works on the same data folder.
//
// Exit codes: 0 done, 1 invalid rows (import), a failed integrity check
// (check-db) or a refused sync bundle (bundle), 2 usage, file or database
// errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

const usage = `kembangctl — Kembang admin CLI

Usage:
  kembangctl [--data-dir DIR] [--lang id|en] COMMAND [ARGS]

Commands:
  import employees|positions|competencies|assessments FILE [--dry-run] [--skip-invalid] [--json]
  export employees|positions|competencies FILE.xlsx
  template employees|positions|competencies|assessments FILE.xlsx
  recap jpm [--unit UNIT] [--period P] [--json]
  recap jp --year Y [--unit UNIT] [--json]
  demo [--employees N] [--seed S]
  backup list [--json]
  backup create [FILE | --dir DIR]      (also: backup [FILE])
  backup restore NAME|FILE              (also: restore NAME|FILE)
  check-db [--json]
  enrol --server URL --code CODE [--name NAME] [--allow-http]
  sync [--json]
  bundle export DIR [--code CODE] [--name NAME] [--no-receipt] [--json]
  bundle import FILE [--json]
  print idp --nip NIP [--year Y] --out F.pdf
  print certificates --event ID --out F.pdf
  print recap jpm|jp [--unit U] [--period P] [--year Y] --out F.pdf|F.xlsx
  print attendance --event ID --out F.pdf|F.xlsx
  print history --nip NIP --out F.pdf|F.xlsx
  verify-certificate CODE|URL
  office-key
  trust-key CODE PUBKEY
  version
`

// exitError carries the exit code of a failed command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// globals are the flags every command accepts.
type globals struct {
	dataDir string
	lang    string
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.dataDir, "data-dir", g.dataDir, "data folder (default: $KEMBANG_DATA_DIR or the user config folder)")
	fs.Func("lang", "language of messages: id (default) or en", func(v string) error {
		if v != "id" && v != "en" {
			return fmt.Errorf("--lang must be id or en, not %q", v)
		}
		g.lang = v
		return nil
	})
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	g := &globals{lang: "id"}
	if l := os.Getenv("KEMBANG_LANG"); l == "en" {
		g.lang = l
	}
	fs := flag.NewFlagSet("kembangctl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	g.register(fs)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, cmdArgs := rest[0], rest[1:]
	commands := map[string]func(context.Context, *globals, []string, io.Writer) error{
		"import":   cmdImport,
		"export":   cmdExport,
		"template": cmdTemplate,
		"demo":     cmdDemo,
		"backup":   cmdBackup,
		"restore":  cmdRestore,
		"check-db": cmdCheckDB,
		"version":  cmdVersion,
		"recap":    cmdRecap,
		"enrol":    cmdEnrol,
		"sync":     cmdSync,
		"bundle":   cmdBundle,

		"print":              cmdPrint,
		"verify-certificate": cmdVerifyCertificate,
		"office-key":         cmdOfficeKey,
		"trust-key":          cmdTrustKey,
	}
	f, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(stderr, "kembangctl: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	err := f(ctx, g, cmdArgs, stdout)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "kembangctl: "+describe(g.lang, ee.err))
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "kembangctl: "+describe(g.lang, err))
	return 2
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments, as users type them.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageErr("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func newFlags(name string, g *globals) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	g.register(fs)
	return fs
}

func kindArg(positional []string, want int, cmd string) (string, []string, error) {
	if len(positional) != want {
		return "", nil, usageErr("%s: expected %d argument(s), got %d (see kembangctl --help)", cmd, want, len(positional))
	}
	kind := strings.ToLower(positional[0])
	switch kind {
	case "employees", "positions", "competencies", "assessments":
		return kind, positional[1:], nil
	}
	return "", nil, usageErr("%s: unknown kind %q (employees, positions, competencies or assessments)", cmd, positional[0])
}
