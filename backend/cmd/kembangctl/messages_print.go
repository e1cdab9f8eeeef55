package main

import "kembang/backend/domain"

// Sentences for printing, certificate verification and office keys,
// merged into messages.go's catalogue at start-up.
var printMessages = map[string][2]string{ // code → {id, en}
	"printed":       {"Tersimpan: %s (%d bita).", "Saved: %s (%d bytes)."},
	"printed_pages": {"Tersimpan: %s (%d halaman, %d bita).", "Saved: %s (%d pages, %d bytes)."},
	"key_trusted":   {"Kunci kantor %s dipercaya untuk verifikasi sertifikat.", "Office key %s is trusted for certificate verification."},
	"claim_number":  {"Nomor", "Number"},
	"claim_name":    {"Nama", "Name"},
	"claim_event":   {"Pelatihan", "Training"},
	"claim_dates":   {"Tanggal", "Dates"},
	"claim_office":  {"Penerbit", "Issued by"},
	"claim_issued":  {"Tanggal terbit", "Issued on"},
	"claim_key":     {"Kode kunci", "Key code"},

	domain.CodePrintDocumentUnknown: {"dokumen %v tidak dikenal.", "Unknown document %v."},
	domain.CodePrintFormatInvalid:   {"dokumen ini tidak tersedia dalam format %v.", "This document is not available as %v."},
	domain.CodePrintNothing:         {"tidak ada yang dapat dicetak (%v): misalnya belum ada peserta yang dinyatakan selesai.", "Nothing to print (%v): for example no participant has completed yet."},
	domain.CodePrintFileInvalid:     {"berkas cetakan tidak ditemukan; cetak ulang dokumennya.", "The printed file was not found; print the document again."},
	domain.CodeReportRenderFailed:   {"dokumen gagal dibuat.", "The document could not be rendered."},
	domain.CodeReportInputInvalid:   {"data dokumen tidak lengkap (%v).", "The document data is incomplete (%v)."},
	domain.CodeReportImageInvalid:   {"gambar (logo, latar atau tanda tangan) bukan PNG/JPEG yang dapat dibaca.", "An image (logo, background or signature) is not a readable PNG/JPEG."},

	domain.CodeCertificateCodeInvalid:      {"kode verifikasi tidak dapat dibaca (%v): salah ketik, terpotong, atau bukan kode Kembang.", "The verification code cannot be read (%v): mistyped, truncated or not a Kembang code."},
	domain.CodeCertificateSignatureInvalid: {"tanda tangan tidak cocok: isi sertifikat telah diubah atau bukan ditandatangani kunci kantor %v.", "The signature does not match: the certificate was altered or not signed by office key %v."},
	domain.CodeCertificateUnknownOffice:    {"kunci kantor penerbit %v tidak dikenal di sini; tambahkan dengan `kembangctl trust-key KODE KUNCI`.", "The issuing office key %v is not known here; add it with `kembangctl trust-key CODE KEY`."},
	domain.CodeCertificateKeyInvalid:       {"kunci publik atau kodenya tidak valid (%v); salin persis seperti dicetak `kembangctl office-key`.", "The public key or its code is invalid (%v); copy them exactly as `kembangctl office-key` prints them."},
	domain.CodeCertificateKeyConflict:      {"kode %v sudah dipakai kunci lain yang dipercaya.", "Code %v already belongs to another trusted key."},
}

func init() {
	for code, m := range printMessages {
		if _, ok := catalogue[code]; !ok {
			catalogue[code] = m
		}
	}
}
