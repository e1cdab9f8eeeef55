package sync_test

import (
	"fmt"
	gosync "sync"
	"testing"

	"kembang/backend/domain"
	"kembang/backend/server"
	"kembang/backend/syncproto"
)

// TestBundleConcurrentEnrolment imports the bundles of a laptop that is not
// enrolled yet at the same time through two server instances on one
// database (two kembang-server processes, or the server and an admin's
// `bundle import`): bundle 1 twice and bundle 2, which carries the same
// enrolment code. Whatever the order, the laptop is enrolled once, every
// mutation is applied once, and an import either works or is refused with
// a bundle code (replayed, older); none fails with a database error.
func TestBundleConcurrentEnrolment(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			for round := 0; round < 4; round++ {
				t.Run(fmt.Sprint(round), func(t *testing.T) {
					c := cfg(t)
					a := startServer(t, c)
					c.Shared = true
					b := startServer(t, c)
					offices := a.setup(t, "Kantor A")
					code, _, err := a.NewEnrolCode(bg(), offices[0].ID, 0)
					must(t, err)
					l := newLaptop(t, "L")
					local, err := l.core.Store.LocalOffice(bg())
					must(t, err)
					u := &domain.Unit{OfficeID: local.ID, Name: "Bidang A"}
					must(t, l.core.Store.SaveUnit(bg(), u))
					addEmployees(t, l, u.ID, 1, 3)
					first := readFile(t, exportBundle(t, l, code))
					addEmployees(t, l, u.ID, 4, 2)
					second := readFile(t, exportBundle(t, l, ""))

					files := [][]byte{first, second, first, second}
					srvs := []*testServer{a, b, b, a}
					results := make([]*server.BundleImport, len(files))
					errs := make([]error, len(files))
					var wg gosync.WaitGroup
					for i := range files {
						wg.Add(1)
						go func() {
							defer wg.Done()
							results[i], errs[i] = srvs[i].ImportBundle(bg(), files[i], server.BundleImportOptions{})
						}()
					}
					wg.Wait()
					var last *server.BundleImport
					enrolled := 0
					for i, err := range errs {
						if err != nil {
							switch refusalCode(err) {
							case syncproto.CodeBundleReplayed, syncproto.CodeBundleOlder:
								continue
							}
							t.Fatalf("import %d: %v", i, err)
						}
						if results[i].Enrolled {
							enrolled++
						}
						if last == nil || results[i].Return.Seq > last.Return.Seq {
							last = results[i]
						}
					}
					// The import that enrolled may itself have been refused
					// as older, after bundle 2 was recorded.
					if enrolled > 1 {
						t.Fatalf("%d imports enrolled the laptop", enrolled)
					}
					var devices, used int64
					must(t, a.DB.Table("devices").Count(&devices).Error)
					must(t, a.DB.Table("enrol_codes").Where("used").Count(&used).Error)
					if devices != 1 || used != 1 || last == nil || last.Return.Seq != 2 {
						t.Fatalf("devices %d, codes used %d, last import %+v", devices, used, last)
					}
					laptopImport(t, l, last.ReturnFile, nil)
					if n := outboxLen(t, l); n != 0 {
						t.Fatalf("outbox after the return bundle: %d", n)
					}
					l.office = offices[0].ID
					checkExactlyOnce(t, a, l)
				})
			}
		})
	}
}

// TestBundleConcurrentKeyRegistration: a laptop enrolled online registers
// its bundle key with its first imported bundle. Two of its bundles
// imported at once through two server instances register it once; the
// other import is recorded after it or refused as older, never a database
// error.
func TestBundleConcurrentKeyRegistration(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			for round := 0; round < 4; round++ {
				t.Run(fmt.Sprint(round), func(t *testing.T) {
					c := cfg(t)
					a := startServer(t, c)
					c.Shared = true
					b := startServer(t, c)
					offices := a.setup(t, "Kantor A")
					l := newLaptop(t, "L")
					l.enrol(t, a, offices[0].ID, a.URL)
					u := &domain.Unit{OfficeID: offices[0].ID, Name: "Bidang A"}
					must(t, l.core.Store.SaveUnit(bg(), u))
					addEmployees(t, l, u.ID, 1, 2)
					first := readFile(t, exportBundle(t, l, ""))
					addEmployees(t, l, u.ID, 3, 2)
					second := readFile(t, exportBundle(t, l, ""))

					files := [][]byte{first, second}
					srvs := []*testServer{a, b}
					if round%2 == 1 {
						srvs[0], srvs[1] = b, a
					}
					results := make([]*server.BundleImport, len(files))
					errs := make([]error, len(files))
					var wg gosync.WaitGroup
					for i := range files {
						wg.Add(1)
						go func() {
							defer wg.Done()
							results[i], errs[i] = srvs[i].ImportBundle(bg(), files[i], server.BundleImportOptions{})
						}()
					}
					wg.Wait()
					if errs[1] != nil {
						t.Fatalf("import of bundle 2: %v", errs[1])
					}
					if errs[0] != nil && refusalCode(errs[0]) != syncproto.CodeBundleOlder {
						t.Fatalf("import of bundle 1: %v", errs[0])
					}
					var keys []string
					must(t, a.DB.Table("bundle_devices").Pluck("device_id || ':' || last_seq", &keys).Error)
					if len(keys) != 1 || keys[0] != deviceID(t, l)+":2" {
						t.Fatalf("bundle_devices: %v", keys)
					}
					laptopImport(t, l, results[1].ReturnFile, nil)
					if n := outboxLen(t, l); n != 0 {
						t.Fatalf("outbox after the return bundle: %d", n)
					}
					checkExactlyOnce(t, a, l)
				})
			}
		})
	}
}
