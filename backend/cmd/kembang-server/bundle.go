package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"kembang/backend/core"
	"kembang/backend/server"
	"kembang/backend/syncproto"
)

// cmdBundleImport: bundle import FILE [--out DIR] [--office ID] [--json]
//
// Applies a laptop's changes bundle with the rules of an online push and
// writes the return bundle (results and the office's changes since the
// laptop's cursor) into --out (default: the folder of FILE). A refused
// bundle (damaged, tampered, replayed, older, another office's) changes
// nothing and exits 1 with the reason.
func cmdBundleImport(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("bundle import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "folder for the return bundle (default: the folder of FILE)")
	office := fs.String("office", "", "accept bundles of this office's devices only")
	asJSON := fs.Bool("json", false, "print JSON")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		pos, args = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	if len(pos) != 1 {
		return usageError{"bundle import FILE [--out DIR] [--office ID] [--json]"}
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return usageError{err.Error()}
	}
	dir := *out
	if dir == "" {
		dir = filepath.Dir(pos[0])
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageError{fmt.Sprintf("--out %s is not a folder", dir)}
	}
	return withServer(ctx, g, func(s *server.Server) error {
		res, err := s.ImportBundle(ctx, data, server.BundleImportOptions{Office: *office})
		if err != nil {
			var be *syncproto.BundleError
			if *asJSON && errors.As(err, &be) {
				_ = json.NewEncoder(stdout).Encode(map[string]any{"ok": false, "code": be.Code, "message": be.Message})
			}
			return err
		}
		name := fmt.Sprintf("kembang-balasan-%s-%04d%s", shortID(res.DeviceID), res.Return.Seq, syncproto.BundleExt)
		path := filepath.Join(dir, name)
		if err := core.WriteFileAtomic(path, res.ReturnFile); err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(struct {
				OK         bool   `json:"ok"`
				ReturnPath string `json:"returnPath"`
				*server.BundleImport
			}{true, path, res})
		}
		c := res.Return.Counts
		if res.Enrolled {
			fmt.Fprintf(stdout, "enrolled device %s (%s) for office %s\n", res.DeviceID, res.Return.DeviceName, res.Office.Name)
		}
		fmt.Fprintf(stdout, "bundle %d of device %s: %d mutations (applied %d, duplicate %d, rejected %d, conflicts %d)\n",
			res.Bundle.Seq, res.DeviceID, c.Mutations, c.Applied, c.Duplicates, c.Rejected, c.Conflicts)
		fmt.Fprintf(stdout, "return bundle %s: %d changes in %d pages\n", path, c.Changes, c.Pages)
		return nil
	})
}

func shortID(id string) string {
	id = strings.ReplaceAll(id, "-", "")
	if len(id) > 12 {
		id = id[len(id)-12:]
	}
	return id
}
