package desktop_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"kembang/backend/desktop"
	"kembang/backend/server"
	"kembang/backend/syncproto"
)

// TestSyncServiceBundles: a workspace that never has a link enrols and
// syncs by file through the sync dialog's service methods.
func TestSyncServiceBundles(t *testing.T) {
	srv := startSyncServer(t)
	s := openServices(t)
	if err := s.backend.SetSyncInterval(0); err != nil {
		t.Fatal(err)
	}
	addEmployee(t, s, "197407072000031002", "Budi Santoso")
	st, err := s.sync.BundleStatus()
	if err != nil || st.Enrolled || st.CodePending || st.Pending == 0 {
		t.Fatalf("status before: %+v, %v", st, err)
	}
	// The first bundle needs the code.
	if _, err := s.sync.ExportBundle("", ""); desktop.FormatError(err).(*desktop.ErrorDTO).Code != syncproto.CodeBundleNeedsCode {
		t.Fatalf("export without code: %v", err)
	}
	exp, err := s.sync.ExportBundle(srv.code(t), "Laptop Mutasi")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(exp.Path) != s.saveDir || !exp.Enrolment || exp.Mutations == 0 || exp.ByEntity["employee"] != 1 || exp.Seq != 1 {
		t.Fatalf("export: %+v", exp)
	}
	if _, err := os.Stat(exp.Receipt); err != nil {
		t.Fatalf("receipt: %v", err)
	}
	if st, _ := s.sync.BundleStatus(); !st.CodePending || st.LastSeq != 1 || st.LastExport == nil {
		t.Fatalf("status after export: %+v", st)
	}
	// Importing the changes bundle itself is refused with its reason.
	if _, err := s.sync.ImportBundle(); desktop.FormatError(err).(*desktop.ErrorDTO).Code != syncproto.CodeBundleWrongKind {
		t.Fatalf("importing the changes bundle: %v", err)
	}
	data, err := os.ReadFile(exp.Path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := srv.ImportBundle(context.Background(), data, server.BundleImportOptions{Office: srv.office.ID})
	if err != nil {
		t.Fatal(err)
	}
	ret := filepath.Join(s.saveDir, "kembang-balasan-0001.kembang")
	if err := os.WriteFile(ret, res.ReturnFile, 0o644); err != nil {
		t.Fatal(err)
	}
	imp, err := s.sync.ImportBundle()
	if err != nil {
		t.Fatal(err)
	}
	if imp.Path != ret || !imp.Enrolled || imp.Office != srv.office.Name || imp.Acknowledged != exp.Mutations || imp.Pulled == 0 {
		t.Fatalf("import: %+v", imp)
	}
	st, err = s.sync.BundleStatus()
	if err != nil || !st.Enrolled || st.CodePending || !st.ServerPinned || st.Pending != 0 || st.LastReturnSeq != 1 {
		t.Fatalf("status after import: %+v, %v", st, err)
	}
	if _, err := s.sync.ImportBundleFile(ret); desktop.FormatError(err).(*desktop.ErrorDTO).Code != syncproto.CodeBundleReplayed {
		t.Fatalf("second import: %v", err)
	}
	if _, err := s.sync.ImportBundleFile(filepath.Join(s.saveDir, "nope.kembang")); desktop.FormatError(err).(*desktop.ErrorDTO).Code != syncproto.CodeBundleDamaged {
		t.Fatalf("missing file: %v", err)
	}
}
