package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"kembang/backend/domain"
	"kembang/backend/importer"
)

// The CLI is a user interface too: it turns stable codes into sentences that
// say what is wrong and what to do. The frontend has its own catalogue
// (frontend/src/i18n); both key on the same codes.
var catalogue = map[string][2]string{ // code → {id, en}
	"summary":                   {"%d baris data: %d valid, %d tidak valid.", "%d data rows: %d valid, %d invalid."},
	"errors_header":             {"BARIS\tKOLOM\tMASALAH", "ROW\tCOLUMN\tPROBLEM"},
	"warning_row":               {"Peringatan baris", "Warning row"},
	"committed":                 {"Tersimpan: %d baru, %d diperbarui, %d tidak berubah.", "Saved: %d created, %d updated, %d unchanged."},
	"dry_run":                   {"Uji coba (--dry-run): tidak ada yang disimpan.", "Dry run: nothing was written."},
	"not_committed":             {"Tidak ada yang disimpan karena ada baris tidak valid. Perbaiki berkasnya, atau ulangi dengan --skip-invalid untuk menyimpan baris yang valid saja.", "Nothing was written because some rows are invalid. Fix the file, or run again with --skip-invalid to write only the valid rows."},
	"check_integrity":           {"Integritas", "Integrity"},
	"check_schema":              {"Versi skema", "Schema version"},
	"check_rows":                {"Baris", "Rows in"},
	"check_pending":             {"Perubahan belum dikirim", "Changes not yet sent"},
	"check_failed":              {"Pemeriksaan integritas menemukan masalah pada basis data. Pulihkan cadangan terakhir yang sehat dengan `kembangctl restore FILE` (berkas sekarang disalin ke folder backups lebih dulu).", "The integrity check found a problem in the database. Restore the last sound backup with `kembangctl restore FILE` (the current file is copied to the backups folder first)."},
	"backup_none":               {"Belum ada cadangan di folder backups.", "No backups in the backups folder yet."},
	"backup_header":             {"TANGGAL\tJENIS\tUKURAN\tBERKAS", "DATE\tKIND\tSIZE\tFILE"},
	"backup_kind_daily":         {"harian", "daily"},
	"backup_kind_manual":        {"manual", "manual"},
	"backup_kind_pre-migration": {"sebelum pembaruan", "before upgrade"},
	"backup_kind_pre-restore":   {"sebelum pemulihan", "before restore"},
	"restored":                  {"Basis data dipulihkan. Salinan data sebelumnya disimpan di folder backups.", "Database restored. The previous data was copied to the backups folder first."},

	domain.CodeRequired:            {"wajib diisi.", "is required."},
	domain.CodeTooLong:             {"terlalu panjang.", "is too long."},
	domain.CodeNIPLength:           {"NIP harus 18 digit (tertulis %v). Periksa apakah ada digit yang hilang.", "NIP must have 18 digits (found %v). Check for missing digits."},
	domain.CodeNIPInvalid:          {"NIP hanya boleh berisi angka (boleh dengan spasi).", "NIP may contain digits only (spaces allowed)."},
	domain.CodeNIPBirthDate:        {"8 digit pertama NIP bukan tanggal lahir yang sah (yyyymmdd).", "The first 8 digits of the NIP are not a real birth date (yyyymmdd)."},
	domain.CodeNIPTMT:              {"digit 9–14 NIP bukan bulan TMT CPNS yang sah (yyyymm) setelah tanggal lahir.", "Digits 9–14 of the NIP are not a real TMT CPNS month (yyyymm) after the birth date."},
	domain.CodeNIPGender:           {"digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).", "Digit 15 of the NIP must be 1 (male) or 2 (female)."},
	domain.CodeNIPSerial:           {"nomor urut NIP (3 digit terakhir) tidak boleh 000.", "The NIP serial (last 3 digits) cannot be 000."},
	domain.CodeNIPNumberCell:       {"NIP tersimpan sebagai angka di Excel sehingga digitnya hilang. Format kolom NIP sebagai Teks, lalu ketik ulang NIP.", "The NIP is stored as a number in Excel, so digits were lost. Format the NIP column as Text and type the NIP again."},
	domain.CodeNIPDuplicate:        {"NIP ini sudah ada di baris %v pada berkas yang sama.", "This NIP already appears in row %v of the same file."},
	domain.CodeNIPTaken:            {"NIP sudah dipakai pegawai lain.", "The NIP already belongs to another employee."},
	domain.CodeGolonganInvalid:     {"golongan tidak dikenal; tulis seperti III/c (I/a sampai IV/e).", "Unknown golongan; write it like III/c (I/a to IV/e)."},
	domain.CodeEmailInvalid:        {"alamat email tidak sah.", "Not a valid email address."},
	domain.CodePhoneInvalid:        {"nomor telepon harus 8–15 digit.", "The phone number must have 8–15 digits."},
	domain.CodePhoneNumberCell:     {"Telepon tersimpan sebagai angka sehingga angka 0 di depan hilang. Format kolom Telepon sebagai Teks.", "The phone number is stored as a number, so its leading 0 was lost. Format the Telepon column as Text."},
	domain.CodeGenderInvalid:       {"jenis kelamin harus L atau P.", "Gender must be L or P."},
	domain.CodeGenderMismatch:      {"jenis kelamin tidak sesuai dengan digit ke-15 NIP.", "Gender contradicts digit 15 of the NIP."},
	domain.CodeBirthInvalid:        {"tanggal lahir tidak dapat dibaca; tulis seperti 1990-01-31 atau 31-01-1990.", "The birth date cannot be read; write it like 1990-01-31 or 31-01-1990."},
	domain.CodeBirthMismatch:       {"tanggal lahir tidak sesuai dengan 8 digit pertama NIP.", "The birth date contradicts the first 8 digits of the NIP."},
	domain.CodeLevelInvalid:        {"level harus angka 1 sampai 5.", "The level must be a number from 1 to 5."},
	domain.CodeCompetencyCode:      {"kode kompetensi hanya boleh huruf, angka, titik dan tanda hubung.", "A competency code may contain letters, digits, dots and hyphens only."},
	domain.CodeCompetencyTaken:     {"kode kompetensi sudah dipakai.", "The competency code is already used."},
	domain.CodeCompetencyBuiltin:   {"kompetensi bawaan (manajerial/sosial kultural) tidak dapat diubah.", "Built-in (managerial/socio-cultural) competencies cannot be changed."},
	domain.CodeCompetencyDuplicate: {"kode kompetensi ini sudah ada di baris %v.", "This competency code already appears in row %v."},
	domain.CodePositionType:        {"jenis jabatan tidak dikenal (JPT Utama/Madya/Pratama, Administrator, Pengawas, Pelaksana, Fungsional).", "Unknown position type (JPT Utama/Madya/Pratama, Administrator, Pengawas, Pelaksana, Fungsional)."},
	domain.CodeJenjangInvalid:      {"jenjang jabatan fungsional tidak sesuai.", "The functional grade (jenjang) is not valid for this position."},
	domain.CodePositionDuplicate:   {"jabatan ini sudah ada di baris %v.", "This position already appears in row %v."},

	domain.CodeImportHeaderMissing:   {"kolom wajib tidak ditemukan di baris judul: %v. Unduh template untuk melihat nama kolom.", "Required columns missing from the header row: %v. Download the template to see the column names."},
	domain.CodeImportHeaderDuplicate: {"kolom %v muncul lebih dari sekali di baris judul.", "Column %v appears more than once in the header row."},
	domain.CodeImportFileUnreadable:  {"berkas tidak dapat dibaca. Pastikan berkas .xlsx atau .csv yang utuh dan tidak sedang terkunci.", "The file cannot be read. Make sure it is a complete .xlsx or .csv file."},
	domain.CodeImportFileEmpty:       {"berkas kosong: tidak ada baris judul.", "The file is empty: no header row."},
	domain.CodeImportUnknownFormat:   {"format berkas tidak didukung; gunakan .xlsx atau .csv.", "Unsupported file format; use .xlsx or .csv."},
	domain.CodeImportRowInvalid:      {"ada baris tidak valid; tidak ada yang disimpan.", "Some rows are invalid; nothing was written."},
	domain.CodeImportPositionCreated: {"jabatan baru akan dibuat; lengkapi standar kompetensinya di menu Jabatan.", "A new position will be created; complete its competency standards under Positions."},
	domain.CodeImportUnitCreated:     {"unit kerja baru akan dibuat.", "A new unit will be created."},
	domain.CodeImportGelarMoved:      {"gelar di kolom Nama dipindahkan ke kolom gelar.", "Titles written in Nama were moved to the title fields."},
	domain.CodeImportColumnIgnored:   {"kolom tidak dikenal dan diabaikan.", "Unknown column, ignored."},

	domain.CodeDBLocked:       {"data sedang dipakai oleh Kembang lain yang terbuka (aplikasi atau kembangctl). Tutup yang lain lalu coba lagi.", "The data is in use by another running Kembang (app or kembangctl). Close it and try again."},
	domain.CodeDBCorrupt:      {"berkas basis data rusak. Berkas tidak diubah; pulihkan dari cadangan dengan `kembangctl restore FILE`.", "The database file is damaged. It was not changed; restore a backup with `kembangctl restore FILE`."},
	domain.CodeDBNewerVersion: {"basis data ditulis oleh versi Kembang yang lebih baru. Pasang versi terbaru; data tidak diubah.", "The database was written by a newer Kembang. Install the newest version; the data was not changed."},
	domain.CodeDBBackupFailed: {"cadangan sebelum pembaruan basis data gagal dibuat; tidak ada yang diubah. Periksa ruang disk.", "The backup before the database upgrade failed; nothing was changed. Check the free disk space."},
	domain.CodeBackupCorrupt:  {"berkas cadangan rusak atau bukan basis data Kembang, sehingga tidak dipulihkan. Basis data sekarang tidak diubah; pilih cadangan lain.", "The backup file is damaged or not a Kembang database, so it was not restored. The current database was not changed; choose another backup."},
	domain.CodeBackupNewer:    {"cadangan ini dibuat oleh versi Kembang yang lebih baru. Pasang versi terbaru untuk memulihkannya; tidak ada yang diubah.", "This backup was made by a newer Kembang. Install the newest version to restore it; nothing was changed."},
	domain.CodeBackupExists:   {"berkas tujuan sudah ada dan tidak ditimpa: %v", "The destination file already exists and was not overwritten: %v"},
	domain.CodeBackupNotFound: {"cadangan tidak ditemukan: %v (lihat `kembangctl backup list`).", "Backup not found: %v (see `kembangctl backup list`)."},
	domain.CodeNotFound:       {"data tidak ditemukan.", "Not found."},
	domain.CodeInternal:       {"terjadi kesalahan tak terduga. Catat pesan teknis di bawah ini dan hubungi pengelola aplikasi.", "An unexpected error occurred. Note the technical message below and contact your administrator."},
	domain.CodeInvalid:        {"data tidak valid.", "Invalid data."},
}

func msg(lang, key string) string {
	m, ok := catalogue[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return m[1]
	}
	return m[0]
}

// issueMessage words one import problem, filling in its details.
func issueMessage(lang string, is importer.Issue) string {
	text := msg(lang, is.Code)
	if !strings.Contains(text, "%v") {
		return capitalise(text)
	}
	var arg any = is.Value
	for _, k := range []string{"firstRow", "got", "missing", "column"} {
		if v, ok := is.Details[k]; ok {
			arg = v
			break
		}
	}
	return capitalise(fmt.Sprintf(text, arg))
}

// describe words an error for stderr: its sentence when the code is known,
// then the technical detail for whoever helps the user.
func describe(lang string, err error) string {
	var e *domain.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	text := msg(lang, e.Code)
	if strings.Contains(text, "%v") {
		keys := make([]string, 0, len(e.Details))
		for k := range e.Details {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var arg any = ""
		if len(keys) > 0 {
			arg = e.Details[keys[0]]
		}
		text = fmt.Sprintf(text, arg)
	}
	return capitalise(text) + " (" + err.Error() + ")"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
