package sync_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/server"
	"kembang/backend/store"
	"kembang/backend/sync"
	"kembang/backend/syncproto"
)

// BenchmarkBundle2000 times sync by file for a laptop that never had a
// link and holds a whole office (the demo data of 2,000 employees with
// their units, positions and assessments; its training and plans stay
// queued, as this version does not sync them): exporting the outbox as a signed bundle
// (once, reported as export-s), the central import into a fresh server
// (enrolment by code, 2,000+ mutations through Push, the return bundle
// with its pull pages) and applying the return bundle on a fresh copy of
// the laptop (one transaction). Making the fresh server and copying the
// laptop are outside the timer.
func BenchmarkBundle2000(b *testing.B) {
	const n = 2000
	const code = "BNCH-2000-CODE"
	src := b.TempDir()
	c, err := core.Open(bg(), store.Config{Dir: src, Actor: "usb"})
	if err != nil {
		b.Fatal(err)
	}
	cl, err := sync.New(bg(), c.Store)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.LoadDemo(bg(), n, 2); err != nil {
		b.Fatal(err)
	}
	usb := b.TempDir()
	t0 := time.Now()
	exp, err := cl.ExportBundle(bg(), usb, sync.ExportOptions{Code: code})
	if err != nil {
		b.Fatal(err)
	}
	exportTime := time.Since(t0)
	if err := c.Close(); err != nil {
		b.Fatal(err)
	}
	file, err := os.ReadFile(exp.Path)
	if err != nil {
		b.Fatal(err)
	}
	var serverT, returnT time.Duration
	var returnBytes, changes int
	iter := 0
	for b.Loop() {
		b.StopTimer()
		iter++
		srv, err := server.Open(bg(), server.Config{Driver: store.DriverSQLite, Dir: b.TempDir(), Logger: discardLogger()})
		if err != nil {
			b.Fatal(err)
		}
		office, err := srv.AddOffice(bg(), "BKPSDM Kabupaten Contoh", "")
		if err != nil {
			b.Fatal(err)
		}
		now := time.Now().UTC()
		if err := srv.DB.Exec("INSERT INTO enrol_codes (hash, office_id, expires_at, used, used_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			syncproto.SecretHash(syncproto.NormaliseCode(code)), office.ID, now.Add(time.Hour), false, "", now).Error; err != nil {
			b.Fatal(err)
		}
		dst := b.TempDir()
		if err := copyDir(src, dst); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t := time.Now()
		res, err := srv.ImportBundle(bg(), file, server.BundleImportOptions{})
		serverT += time.Since(t)
		b.StopTimer()
		if err != nil || !res.Enrolled || res.Return.Counts.Applied != exp.Manifest.Counts.Mutations || res.Return.Counts.Rejected != 0 {
			b.Fatalf("server import: %+v, %v", res, err)
		}
		lc, err := core.Open(bg(), store.Config{Dir: dst, Actor: "usb"})
		if err != nil {
			b.Fatal(err)
		}
		lcl, err := sync.New(bg(), lc.Store)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t = time.Now()
		rr, err := lcl.ImportReturn(bg(), res.ReturnFile)
		returnT += time.Since(t)
		b.StopTimer()
		if err != nil || rr.Acknowledged != exp.Manifest.Counts.Mutations {
			b.Fatalf("return import: %+v, %v", rr, err)
		}
		returnBytes, changes = len(res.ReturnFile), res.Return.Counts.Changes
		_ = lc.Close()
		_ = srv.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(exp.Manifest.Counts.Mutations), "mutations")
	b.ReportMetric(exportTime.Seconds(), "export-s")
	b.ReportMetric(float64(len(file)), "bundle-bytes")
	b.ReportMetric(serverT.Seconds()/float64(iter), "central-import-s/op")
	b.ReportMetric(returnT.Seconds()/float64(iter), "return-import-s/op")
	b.ReportMetric(float64(returnBytes), "return-bytes")
	b.ReportMetric(float64(changes), "return-changes")
}

// copyDir copies a closed laptop data folder.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
