package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/importer"
	"kembang/backend/store"
)

func storeConfig(g *globals) (store.Config, error) {
	dir := g.dataDir
	if dir == "" {
		d, err := store.DefaultDataDir()
		if err != nil {
			return store.Config{}, &exitError{code: 2, err: err}
		}
		dir = d
	}
	return store.Config{Dir: dir, Actor: core.DefaultActor() + " (kembangctl)"}, nil
}

func openCore(ctx context.Context, g *globals) (*core.Core, error) {
	cfg, err := storeConfig(g)
	if err != nil {
		return nil, err
	}
	c, err := core.Open(ctx, cfg)
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	return c, nil
}

// issueJSON is one row problem as the CLI contract prints it.
type issueJSON struct {
	Row     int            `json:"row"`
	Column  string         `json:"column"`
	Code    string         `json:"code"`
	Value   string         `json:"value,omitempty"`
	Message string         `json:"message"`
	Details map[string]any `json:"details,omitempty"`
}

type importJSON struct {
	Rows      int                  `json:"rows"`
	Valid     int                  `json:"valid"`
	Invalid   int                  `json:"invalid"`
	Committed bool                 `json:"committed"`
	Errors    []issueJSON          `json:"errors"`
	Warnings  []issueJSON          `json:"warnings"`
	Result    *domain.ImportResult `json:"result,omitempty"`
}

func issues(lang string, in []importer.Issue) []issueJSON {
	out := make([]issueJSON, len(in))
	for i, is := range in {
		out[i] = issueJSON{Row: is.Row, Column: is.Column, Code: is.Code, Value: is.Value, Details: is.Details,
			Message: issueMessage(lang, is)}
	}
	return out
}

func cmdImport(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("import", g)
	dryRun := fs.Bool("dry-run", false, "validate only, write nothing")
	skipInvalid := fs.Bool("skip-invalid", false, "write the valid rows even when some rows are invalid")
	asJSON := fs.Bool("json", false, "print one JSON object")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	kind, rest, err := kindArg(positional, 2, "import")
	if err != nil {
		return err
	}
	file := rest[0]
	data, err := os.ReadFile(file)
	if err != nil {
		return &exitError{code: 2, err: domain.E(domain.CodeImportFileUnreadable, "import", err, "file", file)}
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	rep, err := c.Preview(ctx, kind, filepath.Base(file), data)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	out := importJSON{Rows: rep.Rows, Valid: rep.Valid, Invalid: rep.Invalid,
		Errors: issues(g.lang, rep.Errors), Warnings: issues(g.lang, rep.Warnings)}
	code := 0
	switch {
	case *dryRun:
		if rep.Invalid > 0 {
			code = 1
		}
	case rep.Invalid > 0 && !*skipInvalid:
		code = 1
	default:
		res, err := c.Commit(ctx, rep, *skipInvalid, nil)
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		out.Committed, out.Result = true, &res
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		printImport(stdout, g.lang, out, *dryRun)
	}
	if code != 0 {
		return &exitError{code: code, err: fmt.Errorf("")}
	}
	return nil
}

func printImport(w io.Writer, lang string, out importJSON, dryRun bool) {
	fmt.Fprintf(w, msg(lang, "summary"), out.Rows, out.Valid, out.Invalid)
	fmt.Fprintln(w)
	if len(out.Errors) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, msg(lang, "errors_header"))
		for _, e := range out.Errors {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", e.Row, e.Column, e.Message)
		}
		tw.Flush()
	}
	for _, wn := range out.Warnings {
		fmt.Fprintf(w, "%s %d, %s: %s\n", msg(lang, "warning_row"), wn.Row, wn.Column, wn.Message)
	}
	switch {
	case out.Committed:
		r := out.Result
		fmt.Fprintf(w, msg(lang, "committed"), r.Created, r.Updated, r.Unchanged)
		fmt.Fprintln(w)
	case dryRun:
		fmt.Fprintln(w, msg(lang, "dry_run"))
	case out.Invalid > 0:
		fmt.Fprintln(w, msg(lang, "not_committed"))
	}
}

func cmdExport(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	return writeKindFile(ctx, g, args, stdout, "export", func(c *core.Core, kind string) ([]byte, error) {
		return c.Export(ctx, kind)
	})
}

func cmdTemplate(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	return writeKindFile(ctx, g, args, stdout, "template", func(c *core.Core, kind string) ([]byte, error) {
		return c.Template(ctx, kind)
	})
}

func writeKindFile(ctx context.Context, g *globals, args []string, stdout io.Writer, cmd string, build func(*core.Core, string) ([]byte, error)) error {
	fs := newFlags(cmd, g)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	kind, rest, err := kindArg(positional, 2, cmd)
	if err != nil {
		return err
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	data, err := build(c, kind)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if err := core.WriteFileAtomic(rest[0], data); err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintln(stdout, rest[0])
	return nil
}

func cmdDemo(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("demo", g)
	n := fs.Int("employees", 200, "number of employees to generate")
	seed := fs.Int64("seed", 1, "random seed (same seed, same data)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *n < 1 || *n > 1_000_000 {
		return usageErr("demo: --employees must be between 1 and 1000000")
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	res, err := c.LoadDemo(ctx, *n, *seed)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintf(stdout, msg(g.lang, "committed"), res.Created, res.Updated, res.Unchanged)
	fmt.Fprintln(stdout)
	return nil
}

func cmdCheckDB(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("check-db", g)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	rep, err := c.Store.Check(ctx)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	return reportCheck(stdout, g.lang, rep, *asJSON)
}

// reportCheck prints a database check, as JSON or one fact per line, and
// fails with exit code 1 when the integrity check found a problem.
func reportCheck(w io.Writer, lang string, rep store.CheckReport, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		tables := make([]string, 0, len(rep.Counts))
		for t := range rep.Counts {
			tables = append(tables, t)
		}
		sort.Strings(tables)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s:\t%s\n", msg(lang, "check_integrity"), rep.Integrity)
		fmt.Fprintf(tw, "%s:\t%s\n", msg(lang, "check_schema"), rep.SchemaVersion)
		for _, t := range tables {
			fmt.Fprintf(tw, "%s %s:\t%d\n", msg(lang, "check_rows"), t, rep.Counts[t])
		}
		fmt.Fprintf(tw, "%s:\t%d\n", msg(lang, "check_pending"), rep.OutboxPending)
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if rep.Integrity != "ok" {
		return &exitError{code: 1, err: fmt.Errorf("%s", msg(lang, "check_failed"))}
	}
	return nil
}

func cmdVersion(_ context.Context, _ *globals, _ []string, stdout io.Writer) error {
	fmt.Fprintln(stdout, "kembangctl", core.Version)
	return nil
}
