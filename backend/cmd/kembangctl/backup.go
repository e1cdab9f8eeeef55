package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"kembang/backend/store"
)

// cmdBackup: backup list|create|restore, and the older forms backup [FILE].
func cmdBackup(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "list":
			return cmdBackupList(ctx, g, args[1:], stdout)
		case "create":
			return cmdBackupCreate(ctx, g, args[1:], stdout)
		case "restore":
			return cmdRestore(ctx, g, args[1:], stdout)
		}
	}
	return cmdBackupCreate(ctx, g, args, stdout)
}

// cmdBackupCreate writes a manual backup: into the backups folder, to FILE,
// or with a generated name into --dir (a USB drive).
func cmdBackupCreate(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("backup", g)
	dir := fs.String("dir", "", "folder to write the backup into (e.g. a USB drive)")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(positional) > 1 {
		return usageErr("backup: at most one FILE")
	}
	if len(positional) == 1 && *dir != "" {
		return usageErr("backup: give FILE or --dir, not both")
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	var path string
	switch {
	case len(positional) == 1:
		path = positional[0]
		err = c.Store.Backup(ctx, path)
	case *dir != "":
		path = filepath.Join(*dir, "kembang-cadangan-"+c.Store.Now().Format("20060102-150405")+".db")
		err = c.Store.Backup(ctx, path)
	default:
		var b store.BackupInfo
		b, err = c.Store.MakeBackup(ctx, store.BackupManual, 0)
		path = b.Path
	}
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintln(stdout, path)
	return nil
}

// cmdBackupList lists the backups folder, newest first. It reads the
// folder only, so it works while the app is open.
func cmdBackupList(_ context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("backup list", g)
	asJSON := fs.Bool("json", false, "print JSON")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(positional) != 0 {
		return usageErr("backup list: no arguments expected")
	}
	cfg, err := storeConfig(g)
	if err != nil {
		return err
	}
	list, err := store.ListBackups(cfg.Dir)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	if len(list) == 0 {
		fmt.Fprintln(stdout, msg(g.lang, "backup_none"))
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, msg(g.lang, "backup_header"))
	for _, b := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", b.CreatedAt.Format(time.DateTime), msg(g.lang, "backup_kind_"+b.Kind),
			humanSize(b.SizeBytes), b.Name)
	}
	return tw.Flush()
}

// cmdRestore restores a backup: a name from `backup list` or a file path.
func cmdRestore(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("restore", g)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(positional) != 1 {
		return usageErr("restore: expected FILE")
	}
	cfg, err := storeConfig(g)
	if err != nil {
		return err
	}
	src := positional[0]
	if !strings.ContainsAny(src, `/\`) {
		if b, err := store.FindBackup(cfg.Dir, src); err == nil {
			src = b.Path
		}
	}
	if err := store.Restore(ctx, cfg, src); err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintln(stdout, msg(g.lang, "restored"))
	return nil
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
