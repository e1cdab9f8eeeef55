package sync_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"kembang/backend/domain"
	"kembang/backend/server"
	"kembang/backend/store/storetest"
	"kembang/backend/sync"
	"kembang/backend/syncproto"
)

// Sync by file, end to end: real laptops (core + sync client on SQLite
// files), the real server (SQLite, and PostgreSQL when KEMBANG_TEST_PG_DSN
// is set), real files in temporary folders.

// cursors records every cursor a laptop held, to check it never moves back.
type cursorLog struct{ seen []string }

func (c *cursorLog) note(t *testing.T, l *laptop) {
	t.Helper()
	v, _, err := l.core.Store.GetSetting(bg(), sync.SettingCursor)
	must(t, err)
	c.seen = append(c.seen, v)
}

// check: within one epoch the change_seq never decreases.
func (c *cursorLog) check(t *testing.T, name string) {
	t.Helper()
	var prev syncproto.Cursor
	for i, s := range c.seen {
		cur, err := syncproto.PeekCursor(s)
		must(t, err)
		if s == "" {
			if i > 0 && prev.Epoch != "" {
				t.Fatalf("%s: cursor went back to the start after %+v", name, prev)
			}
			continue
		}
		if prev.Epoch == cur.Epoch && cur.ChangeSeq < prev.ChangeSeq {
			t.Fatalf("%s: cursor moved back from %d to %d (step %d)", name, prev.ChangeSeq, cur.ChangeSeq, i)
		}
		prev = cur
	}
}

func exportBundle(t *testing.T, l *laptop, code string) string {
	t.Helper()
	if deviceID(t, l) == "" {
		// Before enrolment the seeded office and dictionary are
		// placeholders: enrolment drops their mutations, online or by file.
		es, err := l.core.Store.PendingOutbox(bg(), 100000)
		must(t, err)
		for _, e := range es {
			if e.Entity != "office" && e.Entity != "competency" && e.Entity != "framework_version" {
				l.made[e.MutationID] = true
			}
		}
	} else {
		l.note(t)
	}
	res, err := l.client.ExportBundle(bg(), t.TempDir(), sync.ExportOptions{Code: code, DeviceName: l.name})
	must(t, err)
	return res.Path
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return b
}

func serverImport(t *testing.T, srv *testServer, path string, opt server.BundleImportOptions) *server.BundleImport {
	t.Helper()
	res, err := srv.ImportBundle(bg(), readFile(t, path), opt)
	must(t, err)
	return res
}

func laptopImport(t *testing.T, l *laptop, file []byte, log *cursorLog) *sync.ReturnResult {
	t.Helper()
	res, err := l.client.ImportReturn(bg(), file)
	must(t, err)
	if log != nil {
		log.note(t, l)
	}
	return res
}

func refusalCode(err error) string {
	var be *syncproto.BundleError
	if errors.As(err, &be) {
		return be.Code
	}
	return ""
}

// serverState summarises everything an import could change.
func serverState(t *testing.T, srv *testServer) string {
	t.Helper()
	var applied, imports, devices, changes int64
	var seq int64
	must(t, srv.DB.Table("applied_mutations").Count(&applied).Error)
	must(t, srv.DB.Table("bundle_imports").Count(&imports).Error)
	must(t, srv.DB.Table("devices").Count(&devices).Error)
	must(t, srv.DB.Table("changes").Count(&changes).Error)
	must(t, srv.DB.Raw("SELECT seq FROM sync_counter WHERE id = 1").Scan(&seq).Error)
	var used int64
	must(t, srv.DB.Table("enrol_codes").Where("used").Count(&used).Error)
	var bdev []string
	must(t, srv.DB.Table("bundle_devices").Order("device_id").Pluck("device_id || ':' || last_seq", &bdev).Error)
	return fmt.Sprintf("applied=%d imports=%d devices=%d changes=%d seq=%d used=%d bdev=%v", applied, imports, devices, changes, seq, used, bdev)
}

// laptopState summarises everything a return import could change.
func laptopState(t *testing.T, l *laptop) string {
	t.Helper()
	var settings []string
	must(t, l.core.Store.DB.Table("settings").Where("key LIKE 'sync.%' OR key = 'store.local_office_id'").Order("key").
		Pluck("key || '=' || value", &settings).Error)
	var outbox, shadow, issues, employees int64
	must(t, l.core.Store.DB.Table("outbox").Count(&outbox).Error)
	must(t, l.core.Store.DB.Table("sync_shadow").Count(&shadow).Error)
	must(t, l.core.Store.DB.Table("sync_issues").Count(&issues).Error)
	must(t, l.core.Store.DB.Table("employees").Count(&employees).Error)
	return fmt.Sprintf("%v outbox=%d shadow=%d issues=%d employees=%d", settings, outbox, shadow, issues, employees)
}

func addEmployees(t *testing.T, l *laptop, unitID string, from, n int) []*domain.Employee {
	t.Helper()
	var out []*domain.Employee
	for k := from; k < from+n; k++ {
		e := &domain.Employee{NIP: storetest.NIP(k%28+1, 1+k%2, k), Name: fmt.Sprintf("Pegawai %s-%d", l.name, k), UnitID: &unitID}
		must(t, l.core.Store.SaveEmployee(bg(), e))
		out = append(out, e)
	}
	return out
}

func editEmployee(t *testing.T, l *laptop, id string, f func(e *domain.Employee)) {
	t.Helper()
	row, err := l.core.Store.GetEmployee(bg(), id)
	must(t, err)
	e := row.Employee
	f(&e)
	must(t, l.core.Store.SaveEmployee(bg(), &e))
}

func outboxLen(t *testing.T, l *laptop) int64 {
	n, err := l.core.Store.CountOutbox(bg())
	must(t, err)
	return n
}

// TestBundleMixedWithOnlineSync runs mixed sequences on each server
// database and checks SYNC.md's five invariants: a laptop that never has a
// link (enrolled by its first bundle, with edits made before enrolment), a
// laptop enrolled online that also uses bundles, and an online-only laptop,
// all in one office, with a second office beside them; return bundles
// lost and replaced by exporting again, bundles exported before an online
// round and imported after it, and return bundles imported late.
func TestBundleMixedWithOnlineSync(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			srv.PullPage = 7 // several pages per return bundle
			offices := srv.setup(t, "BKPSDM Kota A", "BKPSDM Kabupaten B")
			oa, ob := offices[0].ID, offices[1].ID

			// F: no link at all. Works before it is enrolled.
			f := newLaptop(t, "F")
			local, err := f.core.Store.LocalOffice(bg())
			must(t, err)
			fUnit := &domain.Unit{OfficeID: local.ID, Name: "Bidang Mutasi"}
			must(t, f.core.Store.SaveUnit(bg(), fUnit))
			fEmps := addEmployees(t, f, fUnit.ID, 1, 5)
			var fLog, hLog, oLog cursorLog

			// A first bundle without a code is refused before anything is written.
			if _, err := f.client.ExportBundle(bg(), t.TempDir(), sync.ExportOptions{}); domain.ErrorCode(err) != syncproto.CodeBundleNeedsCode {
				t.Fatalf("export without code: %v, want %s", err, syncproto.CodeBundleNeedsCode)
			}
			code, _, err := srv.NewEnrolCode(bg(), oa, 0)
			must(t, err)
			b1 := exportBundle(t, f, strings.ToLower(code)) // typed in lower case, as people do
			// Before the return bundle arrives F keeps working and exports again:
			// the second bundle, imported first, enrols; the first is then older.
			editEmployee(t, f, fEmps[0].ID, func(e *domain.Employee) { e.Phone = "081234567890" })
			b2 := exportBundle(t, f, "")
			before := serverState(t, srv)
			r2 := serverImport(t, srv, b2, server.BundleImportOptions{Office: oa})
			if !r2.Enrolled || r2.Office.ID != oa || r2.Return.Counts.Rejected != 0 || r2.Return.Counts.Applied != 7 {
				t.Fatalf("first import: enrolled %v office %s counts %+v", r2.Enrolled, r2.Office.ID, r2.Return.Counts)
			}
			if _, err := srv.ImportBundle(bg(), readFile(t, b1), server.BundleImportOptions{}); refusalCode(err) != syncproto.CodeBundleOlder {
				t.Fatalf("older bundle: %v, want %s", err, syncproto.CodeBundleOlder)
			}
			if _, err := srv.ImportBundle(bg(), readFile(t, b2), server.BundleImportOptions{}); refusalCode(err) != syncproto.CodeBundleReplayed {
				t.Fatalf("same bundle again: %v, want %s", err, syncproto.CodeBundleReplayed)
			} else if !strings.Contains(err.Error(), "already imported") {
				t.Fatalf("replay message %q does not say why", err)
			}
			if before == serverState(t, srv) {
				t.Fatal("the first import changed nothing on the server")
			}
			afterFirst := serverState(t, srv)
			// The return bundle enrols F, pins the server key and adopts the office.
			rr := laptopImport(t, f, r2.ReturnFile, &fLog)
			if !rr.Enrolled || rr.Acknowledged != 7 || outboxLen(t, f) != 0 {
				t.Fatalf("return import: %+v, outbox %d", rr, outboxLen(t, f))
			}
			f.office = oa
			if o, err := f.core.Store.LocalOffice(bg()); err != nil || o.ID != oa {
				t.Fatalf("F's office after the return bundle: %+v, %v", o, err)
			}
			if serverState(t, srv) != afterFirst {
				t.Fatal("refused imports changed the server")
			}

			// H: enrolled online, uses bundles too.
			h := newLaptop(t, "H")
			h.enrol(t, srv, oa, srv.URL)
			h.sync(t)
			hLog.note(t, h)
			hUnit := &domain.Unit{OfficeID: oa, Name: "Bidang Diklat"}
			must(t, h.core.Store.SaveUnit(bg(), hUnit))
			hEmps := addEmployees(t, h, hUnit.ID, 10, 4)
			// A bundle exported before an online round, imported after it.
			hb := exportBundle(t, h, "")
			h.sync(t)
			hLog.note(t, h)
			hr := serverImport(t, srv, hb, server.BundleImportOptions{Office: oa})
			if hr.Enrolled || hr.Return.Counts.Duplicates != 5 {
				t.Fatalf("H's bundle after its online round: %+v", hr.Return.Counts)
			}
			res := laptopImport(t, h, hr.ReturnFile, &hLog)
			if res.Acknowledged != 0 {
				t.Fatalf("H: results for mutations acknowledged online were applied again: %+v", res)
			}

			// O: online only, in the same office; B1: the other office.
			o := newLaptop(t, "O")
			o.enrol(t, srv, oa, srv.URL)
			b := newLaptop(t, "B1")
			b.enrol(t, srv, ob, srv.URL)
			bUnit := &domain.Unit{OfficeID: ob, Name: "Subbag Umum B"}
			must(t, b.core.Store.SaveUnit(bg(), bUnit))
			addEmployees(t, b, bUnit.ID, 30, 3)
			b.sync(t)
			o.sync(t)
			oLog.note(t, o)

			// F receives H's rows by file (a bundle with no changes).
			fr := serverImport(t, srv, exportBundle(t, f, ""), server.BundleImportOptions{})
			if fr.Bundle.Counts.Mutations != 0 || fr.Return.Counts.Changes == 0 {
				t.Fatalf("empty bundle: %+v, return %+v", fr.Bundle.Counts, fr.Return.Counts)
			}
			laptopImport(t, f, fr.ReturnFile, &fLog)
			// F edits, exports; the return bundle is lost. F edits more and
			// exports again: the new bundle carries both, deduplicated.
			editEmployee(t, f, hEmps[0].ID, func(e *domain.Employee) { e.Email = "diklat@example.go.id" })
			lost := exportBundle(t, f, "")
			lostRet := serverImport(t, srv, lost, server.BundleImportOptions{})
			editEmployee(t, f, fEmps[1].ID, func(e *domain.Employee) { e.GelarDepan = "Dr." })
			editEmployee(t, o, fEmps[1].ID, func(e *domain.Employee) { e.Phone = "089999999999" })
			o.sync(t)
			oLog.note(t, o)
			again := exportBundle(t, f, "")
			ar := serverImport(t, srv, again, server.BundleImportOptions{})
			if ar.Return.Counts.Duplicates != 1 || ar.Return.Counts.Applied != 1 {
				t.Fatalf("re-export after a lost return: %+v", ar.Return.Counts)
			}
			laptopImport(t, f, ar.ReturnFile, &fLog)
			// The lost return bundle turns up late: older, refused, nothing changes.
			st := laptopState(t, f)
			if _, err := f.client.ImportReturn(bg(), lostRet.ReturnFile); domain.ErrorCode(err) != syncproto.CodeBundleOlder {
				t.Fatalf("late return bundle: %v, want %s", err, syncproto.CodeBundleOlder)
			}
			if _, err := f.client.ImportReturn(bg(), ar.ReturnFile); domain.ErrorCode(err) != syncproto.CodeBundleReplayed {
				t.Fatalf("return bundle twice: %v, want %s", err, syncproto.CodeBundleReplayed)
			}
			// H's return bundle is not F's.
			if _, err := f.client.ImportReturn(bg(), hr.ReturnFile); domain.ErrorCode(err) != syncproto.CodeBundleOtherDevice {
				t.Fatalf("another laptop's return bundle: %v, want %s", err, syncproto.CodeBundleOtherDevice)
			}
			if laptopState(t, f) != st {
				t.Fatal("refused return bundles changed the laptop")
			}

			// H mixes: online edit, bundle, online, bundle.
			editEmployee(t, h, fEmps[2].ID, func(e *domain.Employee) { e.Name = "Nama Baru" })
			h.sync(t)
			hLog.note(t, h)
			editEmployee(t, h, fEmps[3].ID, func(e *domain.Employee) { e.Email = "h@example.go.id" })
			must(t, h.core.Store.DeleteEmployee(bg(), hEmps[3].ID))
			hb2 := serverImport(t, srv, exportBundle(t, h, ""), server.BundleImportOptions{Office: oa})
			laptopImport(t, h, hb2.ReturnFile, &hLog)
			editEmployee(t, h, hEmps[1].ID, func(e *domain.Employee) { e.Phone = "087777777777" })
			h.sync(t)
			hLog.note(t, h)

			// A bundle of office A's laptop, at an import restricted to office B.
			editEmployee(t, f, fEmps[4].ID, func(e *domain.Employee) { e.Phone = "081111111111" })
			fb := exportBundle(t, f, "")
			st = serverState(t, srv)
			if _, err := srv.ImportBundle(bg(), readFile(t, fb), server.BundleImportOptions{Office: ob}); refusalCode(err) != syncproto.CodeBundleOtherOffice {
				t.Fatalf("bundle of office A at office B's import: %v", err)
			}
			if serverState(t, srv) != st {
				t.Fatal("a refused bundle changed the server")
			}
			laptopImport(t, f, serverImport(t, srv, fb, server.BundleImportOptions{Office: oa}).ReturnFile, &fLog)

			// Quiet rounds: every laptop syncs twice its own way.
			for round := 0; round < 2; round++ {
				for _, l := range []*laptop{o, b} {
					l.sync(t)
				}
				oLog.note(t, o)
				laptopImport(t, f, serverImport(t, srv, exportBundle(t, f, ""), server.BundleImportOptions{}).ReturnFile, &fLog)
				if round == 0 {
					laptopImport(t, h, serverImport(t, srv, exportBundle(t, h, ""), server.BundleImportOptions{}).ReturnFile, &hLog)
				} else {
					h.sync(t)
					hLog.note(t, h)
				}
			}
			for _, l := range []*laptop{f, h, o, b} {
				checkExactlyOnce(t, srv, l)
				checkConverged(t, srv, l)
				checkIsolated(t, srv, l)
				if n := outboxLen(t, l); n != 0 {
					t.Errorf("%s: drain: %d mutations left in the outbox", l.name, n)
				}
			}
			fLog.check(t, "F")
			hLog.check(t, "H")
			oLog.check(t, "O")
			// O's online edit and F's bundle edit of the same employee merged.
			row, err := f.core.Store.GetEmployee(bg(), fEmps[1].ID)
			must(t, err)
			if row.GelarDepan != "Dr." || row.Phone != "089999999999" {
				t.Fatalf("merged employee on F: %+v", row.Employee)
			}
		})
	}
}

// TestBundleDamage: tampered, truncated and forged bundles are refused with
// a clear code and change nothing, on either side.
func TestBundleDamage(t *testing.T) {
	srv := startServer(t, server.Config{Driver: "sqlite", Dir: t.TempDir()})
	offices := srv.setup(t, "Kantor A", "Kantor B")
	l := newLaptop(t, "L")
	l.enrol(t, srv, offices[0].ID, srv.URL)
	u := &domain.Unit{OfficeID: offices[0].ID, Name: "Bidang A"}
	must(t, l.core.Store.SaveUnit(bg(), u))
	addEmployees(t, l, u.ID, 1, 3)
	path := exportBundle(t, l, "")
	good := readFile(t, path)
	st := serverState(t, srv)

	// flip changes one base64 character of the payload into another valid one.
	flip := func(b []byte, at int) []byte {
		c := append([]byte(nil), b...)
		if c[at] == 'A' {
			c[at] = 'B'
		} else {
			c[at] = 'A'
		}
		return c
	}
	payloadAt := strings.Index(string(good), `"payload":"`) + len(`"payload":"`) + 40
	cases := map[string]struct {
		data []byte
		code string
	}{
		"truncated":        {good[:len(good)/2], syncproto.CodeBundleDamaged},
		"empty":            {nil, syncproto.CodeBundleDamaged},
		"not a bundle":     {[]byte("PK\x03\x04 an xlsx file"), syncproto.CodeBundleDamaged},
		"payload changed":  {flip(good, payloadAt), syncproto.CodeBundleSignature},
		"manifest changed": {[]byte(strings.Replace(string(good), `"seq":1`, `"seq":9`, 1)), syncproto.CodeBundleSignature},
		"signature cut":    {[]byte(strings.Replace(string(good), `"signature":"`, `"signature":"AAAA`, 1)), syncproto.CodeBundleSignature},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := srv.ImportBundle(bg(), c.data, server.BundleImportOptions{})
			if refusalCode(err) != c.code {
				t.Fatalf("import: %v, want %s", err, c.code)
			}
			if serverState(t, srv) != st {
				t.Fatal("a refused bundle changed the server")
			}
		})
	}
	// A device key the server never saw, claiming L's device id.
	other := newLaptop(t, "X")
	other.enrol(t, srv, offices[1].ID, srv.URL)
	must(t, other.core.Store.SetSetting(bg(), sync.SettingDeviceID, deviceID(t, l)))
	must(t, other.core.Store.SetSetting(bg(), sync.SettingCredential, deviceID(t, l)+".wrongtoken"))
	if _, err := srv.ImportBundle(bg(), readFile(t, exportBundle(t, other, "")), server.BundleImportOptions{}); refusalCode(err) != syncproto.CodeBundleKeyMismatch {
		t.Fatalf("bundle with a forged credential proof: %v", err)
	}
	// A used enrolment code.
	code, _, err := srv.NewEnrolCode(bg(), offices[0].ID, 0)
	must(t, err)
	n1 := newLaptop(t, "N1")
	serverImport(t, srv, exportBundle(t, n1, code), server.BundleImportOptions{})
	n2 := newLaptop(t, "N2")
	if _, err := srv.ImportBundle(bg(), readFile(t, exportBundle(t, n2, code)), server.BundleImportOptions{}); refusalCode(err) != syncproto.CodeBundleEnrolInvalid {
		t.Fatalf("second laptop with the same code: %v", err)
	}
	// The import of the genuine bundle works; then the return bundle is
	// damaged in transit in several ways.
	ret := serverImport(t, srv, path, server.BundleImportOptions{}).ReturnFile
	lst := laptopState(t, l)
	retCases := map[string]struct {
		data []byte
		code string
	}{
		"truncated":       {ret[:len(ret)-10], syncproto.CodeBundleDamaged},
		"payload changed": {flip(ret, strings.Index(string(ret), `"payload":"`)+len(`"payload":"`)+30), syncproto.CodeBundleSignature},
		"cursor changed":  {[]byte(strings.Replace(string(ret), `"inReplyTo":"`, `"inReplyTo":"0`, 1)), syncproto.CodeBundleSignature},
		"changes bundle":  {good, syncproto.CodeBundleWrongKind},
	}
	for name, c := range retCases {
		t.Run("return "+name, func(t *testing.T) {
			_, err := l.client.ImportReturn(bg(), c.data)
			if domain.ErrorCode(err) != c.code {
				t.Fatalf("import: %v, want %s", err, c.code)
			}
			if laptopState(t, l) != lst {
				t.Fatal("a refused return bundle changed the laptop")
			}
		})
	}
	// A return bundle forged with another key: the laptop has no pinned key
	// yet, and the forger cannot prove the credential.
	forged, err := forgeReturn(t, ret)
	must(t, err)
	if _, err := l.client.ImportReturn(bg(), forged); domain.ErrorCode(err) != syncproto.CodeBundleServerKey {
		t.Fatalf("forged return bundle: %v", err)
	}
	if laptopState(t, l) != lst {
		t.Fatal("a forged return bundle changed the laptop")
	}
	res, err := l.client.ImportReturn(bg(), ret)
	must(t, err)
	if res.Acknowledged != 4 || outboxLen(t, l) != 0 {
		t.Fatalf("genuine return: %+v", res)
	}
	// Once pinned, a forged key is refused outright.
	if _, err := l.client.ImportReturn(bg(), forged); domain.ErrorCode(err) != syncproto.CodeBundleServerKey {
		t.Fatalf("forged return after pinning: %v", err)
	}
	if _, err := os.Stat(strings.TrimSuffix(path, syncproto.BundleExt) + "-tanda-terima.pdf"); err != nil {
		t.Fatalf("no receipt next to the bundle: %v", err)
	}
}

// forgeReturn re-signs a return bundle with a new key, claiming it is the
// server's, with a proof made from a guessed secret.
func forgeReturn(t *testing.T, ret []byte) ([]byte, error) {
	t.Helper()
	b, err := syncproto.OpenBundle(ret)
	if err != nil {
		return nil, err
	}
	var p syncproto.ReturnPayload
	if err := b.Payload(&p); err != nil {
		return nil, err
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	m := b.Manifest
	m.ServerKey = syncproto.EncodePublicKey(pub)
	m.ServerKeyProof = syncproto.ServerKeyProof(syncproto.SecretHash("guess"), m.DeviceID, m.ServerKey)
	m.ID = "01900000-0000-7000-8000-0000000f0f0f"
	return syncproto.WriteBundle(m, &p, priv)
}

// TestBundleEnrolmentRecovery: a mistyped code is replaced by a new one
// without losing anything, bundles exported with either code import in any
// order, and a laptop enrolled by file that later enrols online keeps
// using bundles under its new device id.
func TestBundleEnrolmentRecovery(t *testing.T) {
	srv := startServer(t, server.Config{Driver: "sqlite", Dir: t.TempDir()})
	offices := srv.setup(t, "Kantor A")
	l := newLaptop(t, "L")
	local, err := l.core.Store.LocalOffice(bg())
	must(t, err)
	u := &domain.Unit{OfficeID: local.ID, Name: "Bidang A"}
	must(t, l.core.Store.SaveUnit(bg(), u))
	addEmployees(t, l, u.ID, 1, 2)
	wrong := exportBundle(t, l, "AAAA-BBBB-CCCC")
	if _, err := srv.ImportBundle(bg(), readFile(t, wrong), server.BundleImportOptions{}); refusalCode(err) != syncproto.CodeBundleEnrolInvalid {
		t.Fatalf("mistyped code: %v", err)
	}
	st, err := l.client.BundleStatus(bg())
	must(t, err)
	if !st.CodePending || st.Pending != 3 {
		t.Fatalf("status after a refused first bundle: %+v", st)
	}
	code, _, err := srv.NewEnrolCode(bg(), offices[0].ID, 0)
	must(t, err)
	good := exportBundle(t, l, code)
	addEmployees(t, l, u.ID, 3, 1)
	later := exportBundle(t, l, "") // carries the new code's MAC
	r := serverImport(t, srv, later, server.BundleImportOptions{})
	if !r.Enrolled || r.Return.Counts.Applied != 4 {
		t.Fatalf("enrolling import: %+v", r.Return.Counts)
	}
	if _, err := srv.ImportBundle(bg(), readFile(t, good), server.BundleImportOptions{}); refusalCode(err) != syncproto.CodeBundleOlder {
		t.Fatalf("earlier bundle after the enrolling one: %v", err)
	}
	laptopImport(t, l, r.ReturnFile, nil)
	l.office = offices[0].ID

	// Later the office gets a link: online enrolment makes a new device id.
	l.enrol(t, srv, offices[0].ID, srv.URL)
	addEmployees(t, l, u.ID, 4, 1)
	r2 := serverImport(t, srv, exportBundle(t, l, ""), server.BundleImportOptions{})
	if r2.Enrolled || r2.DeviceID != deviceID(t, l) || r2.Return.Counts.Applied != 1 {
		t.Fatalf("bundle after online enrolment: %+v", r2)
	}
	laptopImport(t, l, r2.ReturnFile, nil)
	l.sync(t)
	if n := outboxLen(t, l); n != 0 {
		t.Fatalf("outbox: %d", n)
	}
	checkConverged(t, srv, l)
}
