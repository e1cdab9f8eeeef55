package main

import "kembang/backend/domain"

// Sentences for the assessment codes, kept beside messages.go's catalogue
// (merged at start-up) so the two files can change independently.
var assessmentMessages = map[string][2]string{ // code → {id, en}
	domain.CodeImportNIPUnknown:            {"tidak ada pegawai dengan NIP %v. Impor data pegawai lebih dulu.", "No employee has NIP %v. Import the employees first."},
	domain.CodeImportCompetencyUnknown:     {"kode kompetensi %v tidak ada dalam kamus kompetensi.", "Competency code %v is not in the competency dictionary."},
	domain.CodeImportCompetencyNotInSKJ:    {"kompetensi %v tidak dipersyaratkan jabatan pegawai ini (standar kompetensi jabatan).", "Competency %v is not required by this employee's position standard."},
	domain.CodeImportAssessmentDuplicate:   {"NIP, kode kompetensi dan periode yang sama sudah ada di baris %v.", "The same NIP, competency code and period already appear in row %v."},
	domain.CodeImportAssessmentMethod:      {"metode %v tidak dikenal: tulis asesor atau tes.", "Unknown method %v: write assessor or test."},
	domain.CodeAssessmentNoPosition:        {"pegawai belum memiliki jabatan, jadi belum ada standar kompetensi untuk dinilai.", "The employee has no position, so there is no competency standard to assess against."},
	domain.CodeAssessmentFinalized:         {"penilaian sudah final dan tidak dapat diubah; buat penilaian koreksi.", "The assessment is finalized and cannot change; start a correction."},
	domain.CodeAssessmentInvalidTransition: {"perubahan status penilaian ini tidak diizinkan.", "This assessment state change is not allowed."},
	domain.CodeLevelInvalid:                {"level harus bilangan bulat 1 sampai 5 (tertulis %v).", "The level must be a whole number from 1 to 5 (found %v)."},
}

func init() {
	for code, m := range assessmentMessages {
		if _, ok := catalogue[code]; !ok {
			catalogue[code] = m
		}
	}
}
