package report

import (
	"io"
	"strconv"
)

// SyncReceiptData is the one-page receipt printed with a sync bundle
// ("Tanda terima berkas sinkronisasi"): what the file holds, so the person
// who carries the USB drive and the central admin can check it by hand.
type SyncReceiptData struct {
	Office     string // office name (and code)
	Device     string // device id, or "belum terdaftar" before enrolment
	DeviceName string
	BundleID   string
	Seq        int64
	Created    string // YYYY-MM-DD HH:MM, local time
	FileName   string
	FileSize   int64
	FileSHA256 string
	Mutations  int
	ByEntity   []SyncReceiptLine // entity counts, in print order
	From, To   string            // time span of the changes, "" when none
	Enrolment  bool              // the bundle carries an enrolment request
}

// SyncReceiptLine is one line of the contents table.
type SyncReceiptLine struct {
	Label string
	Count int
}

// SyncReceipt renders the receipt.
func SyncReceipt(w io.Writer, data SyncReceiptData) error {
	const op = "report.sync_receipt"
	d := newDoc("P")
	d.addPage()
	d.footerLeft = "Kembang — tanda terima berkas sinkronisasi " + clean(data.BundleID)
	d.title("TANDA TERIMA BERKAS SINKRONISASI", clean(data.Office))
	device := clean(data.Device)
	if data.DeviceName != "" {
		device += " (" + clean(data.DeviceName) + ")"
	}
	enrol := "Tidak"
	if data.Enrolment {
		enrol = "Ya — berkas ini juga mendaftarkan laptop dengan kode pendaftaran"
	}
	span := "—"
	if data.From != "" {
		span = data.From + " s.d. " + data.To
	}
	d.fields(48, [][2]string{
		{"Nomor berkas", strconv.FormatInt(data.Seq, 10)},
		{"Dibuat", clean(data.Created)},
		{"Perangkat", device},
		{"Nama berkas", clean(data.FileName)},
		{"Ukuran", FormatInt(data.FileSize) + " bita"},
		{"Sidik SHA-256", clean(data.FileSHA256)},
		{"ID berkas", clean(data.BundleID)},
		{"Rentang perubahan", span},
		{"Pendaftaran", enrol},
	})
	d.heading("Isi berkas", 20)
	rows := make([][]string, 0, len(data.ByEntity)+1)
	for i, l := range data.ByEntity {
		rows = append(rows, []string{strconv.Itoa(i + 1), clean(l.Label), FormatInt(int64(l.Count))})
	}
	rows = append(rows, []string{"", "Jumlah perubahan", FormatInt(int64(data.Mutations))})
	t := &table{cols: []column{{title: "No", width: 12, align: "C"}, {title: "Jenis data"}, {title: "Perubahan", width: 35, align: "R", nowrap: true}},
		size: 9.5, zebra: true, boldRows: map[int]bool{len(rows) - 1: true}}
	d.table(t, rows)
	d.y += 4
	d.flow("Berkas ini ditandatangani secara elektronik oleh perangkat di atas. Server pusat menolak berkas yang diubah, "+
		"terpotong, sudah pernah diimpor, lebih lama dari berkas yang sudah diimpor, atau berasal dari kantor lain. "+
		"Cocokkan sidik SHA-256 di atas dengan yang ditampilkan saat impor.", false, 8.5, "L")
	d.y += 6
	colW := (d.contentWidth() - 10) / 2
	d.ensure(signatureHeight(1))
	if _, err := d.signatureRow(d.y, 9.5, []sigSlot{
		{x: d.left, w: colW, s: Signatory{Title: "Yang menyerahkan"}},
		{x: d.left + colW + 10, w: colW, s: Signatory{Title: "Yang menerima (admin pusat)"}},
	}); err != nil {
		return err
	}
	return d.finish(w, op)
}
