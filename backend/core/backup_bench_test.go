package core_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"kembang/backend/core"
	"kembang/backend/importer/importtest"
	"kembang/backend/store"
)

// The backup figures of docs/BENCHMARKS.md: a manual backup (VACUUM INTO a
// temporary name, sync, rename) and a restore (check, safety copy, swap,
// reopen) of a workspace with 10,000 employees.

func benchWorkspace(b *testing.B) (string, *core.Core) {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	c, err := core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	rep, err := c.Preview(ctx, core.KindEmployees, "pegawai.xlsx", importtest.EmployeesXLSX(10000, 3))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.Commit(ctx, rep, false, nil); err != nil {
		b.Fatal(err)
	}
	return dir, c
}

func BenchmarkBackup10kEmployees(b *testing.B) {
	_, c := benchWorkspace(b)
	defer c.Close()
	ctx := context.Background()
	b.ResetTimer()
	var size int64
	for i := 0; i < b.N; i++ {
		bk, err := c.Store.MakeBackup(ctx, store.BackupManual, 0)
		if err != nil {
			b.Fatal(err)
		}
		size = bk.SizeBytes
		b.StopTimer()
		_ = os.Remove(bk.Path)
		b.StartTimer()
	}
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

func BenchmarkRestore10kEmployees(b *testing.B) {
	dir, c := benchWorkspace(b)
	ctx := context.Background()
	bk, err := c.Store.MakeBackup(ctx, store.BackupManual, 0)
	if err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(b.TempDir(), "copy.db")
	if err := os.Rename(bk.Path, src); err != nil {
		b.Fatal(err)
	}
	if err := c.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := store.Restore(ctx, store.Config{Dir: dir}, src); err != nil {
			b.Fatal(err)
		}
		c, err := core.Open(ctx, store.Config{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		_ = c.Close()
		_ = os.RemoveAll(store.BackupsDir(dir))
		b.StartTimer()
	}
}
