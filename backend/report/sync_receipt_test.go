package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The sync receipt is one page and lists what the bundle holds.
func TestSyncReceiptListsTheBundle(t *testing.T) {
	tool := needTool(t, "pdftotext")
	var buf bytes.Buffer
	err := SyncReceipt(&buf, SyncReceiptData{
		Office: "BKPSDM Kabupaten Sleman (SLM)", Device: "belum terdaftar", DeviceName: "Laptop Bidang Mutasi",
		BundleID: "01a209bf-1e6a-7893-92aa-68abdb3bf18e", Seq: 3, Created: "2026-11-23 09:15",
		FileName: "kembang-slm-0003-20261123-0915.kembang", FileSize: 123456,
		FileSHA256: strings.Repeat("ab", 32), Mutations: 1240, Enrolment: true,
		ByEntity: []SyncReceiptLine{{"Unit kerja", 12}, {"Pegawai", 1200}, {"Penilaian kompetensi", 28}},
		From:     "2026-11-01 08:00", To: "2026-11-22 16:30",
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "receipt.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	if n := strings.Count(text, "\f"); n != 1 {
		t.Errorf("receipt has %d pages, want 1", n)
	}
	for _, want := range []string{"TANDA TERIMA BERKAS SINKRONISASI", "BKPSDM Kabupaten Sleman (SLM)", "Laptop Bidang Mutasi",
		"kembang-slm-0003-20261123-0915.kembang", "123.456 bita", strings.Repeat("ab", 32)[:40], "Pegawai", "1.200", "1.240",
		"Penilaian kompetensi", "2026-11-01 08:00 s.d. 2026-11-22 16:30", "Yang menyerahkan", "Yang menerima"} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt text lacks %q:\n%s", want, text)
		}
	}
}
