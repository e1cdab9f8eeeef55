package main

import "kembang/backend/domain"

// Sentences for the development-plan, training, JP and evaluation codes,
// merged into messages.go's catalogue at start-up.
var developmentMessages = map[string][2]string{ // code → {id, en}
	domain.CodePlanStateInvalid:            {"status rencana %v tidak dikenal.", "Unknown plan state %v."},
	domain.CodePlanInvalidTransition:       {"perubahan status rencana dari %v tidak diizinkan.", "This plan state change (from %v) is not allowed."},
	domain.CodePlanEmpty:                   {"rencana belum memiliki satu pun kegiatan pengembangan.", "The plan has no development activity yet."},
	domain.CodePlanApproverRequired:        {"nama dan NIP atasan yang menyetujui wajib diisi.", "The approving supervisor's name and NIP are required."},
	domain.CodePlanReasonRequired:          {"alasan pengembalian wajib diisi.", "A reason for sending the plan back is required."},
	domain.CodePlanLinesOpen:               {"masih ada %v kegiatan yang belum selesai atau dibatalkan.", "%v activities are neither done nor cancelled."},
	domain.CodePlanLocked:                  {"rencana sudah disetujui; buka kembali untuk revisi sebelum mengubah isinya.", "The plan is approved; reopen it for revision before changing it."},
	domain.CodePlanYearInvalid:             {"tahun %v tidak valid.", "Year %v is not valid."},
	domain.CodePlanLineDuplicate:           {"dua baris rencana memakai id yang sama (%v).", "Two plan lines share the id %v."},
	domain.CodePlanLineNotFound:            {"baris rencana %v tidak ditemukan.", "Plan line %v not found."},
	domain.CodePlanLineStatus:              {"status baris rencana %v tidak dikenal.", "Unknown plan line status %v."},
	domain.CodePlanFormInvalid:             {"bentuk pengembangan harus pendidikan atau pelatihan.", "The form must be pendidikan or pelatihan."},
	domain.CodePlanFundingInvalid:          {"sumber dana %v tidak dikenal (APBN, APBD, mandiri, lainnya).", "Unknown funding source %v (APBN, APBD, mandiri, lainnya)."},
	domain.CodePlanNoAnalysis:              {"pegawai belum memiliki hasil penilaian final untuk menyusun rencana.", "The employee has no finalized assessment to draft a plan from."},
	domain.CodeDateInvalid:                 {"tanggal %v tidak valid (format TTTT-BB-HH).", "Date %v is not valid (YYYY-MM-DD)."},
	domain.CodeDateRange:                   {"tanggal %v di luar rentang yang diizinkan.", "Date %v is outside the allowed range."},
	domain.CodeAmountInvalid:               {"jumlah %v tidak boleh negatif.", "Amount %v must not be negative."},
	domain.CodeMethodUnknown:               {"metode pengembangan %v tidak ada dalam katalog LAN.", "Development method %v is not in the LAN catalogue."},
	domain.CodeMethodInvalid:               {"katalog metode pengembangan tidak valid (%v).", "The development method catalogue is invalid (%v)."},
	domain.CodeMethodRouteMismatch:         {"jalur %v tidak sesuai dengan metode.", "Route %v does not match the method."},
	domain.CodeJPRuleInvalid:               {"aturan konversi JP tidak valid (%v).", "The JP conversion rule is invalid (%v)."},
	domain.CodeJPInputInvalid:              {"data untuk menghitung JP belum lengkap (%v).", "The data to compute the JP is incomplete (%v)."},
	domain.CodeDraftingRuleInvalid:         {"aturan penyusunan rencana tidak valid (%v).", "A plan drafting rule is invalid (%v)."},
	domain.CodeTrainingAttendanceShort:     {"kehadiran belum memenuhi syarat kelulusan (%v hari).", "Attendance is below the completion requirement (%v days)."},
	domain.CodeTrainingMismatch:            {"data pelatihan tidak cocok (%v).", "The training data do not match (%v)."},
	domain.CodeTrainingCompleted:           {"kegiatan sudah selesai dan tercatat di riwayat; tidak dapat diubah.", "The activity is completed and in the training history; it cannot change."},
	domain.CodeEventCodeInvalid:            {"kode kegiatan %v hanya boleh berisi huruf, angka, titik dan tanda hubung.", "Event code %v may contain only letters, digits, dots and hyphens."},
	domain.CodeCertificateFormat:           {"format nomor sertifikat tidak valid (%v).", "The certificate number format is invalid (%v)."},
	domain.CodeCertificateDevice:           {"kode perangkat %v tidak valid (1–8 huruf kapital atau angka).", "Device code %v is invalid (1–8 capital letters or digits)."},
	domain.CodeCertificateExhausted:        {"blok nomor sertifikat perangkat %v sudah habis.", "Device %v has used up its block of certificate numbers."},
	domain.CodeEvaluationLevel:             {"level evaluasi %v tidak dikenal (1–4).", "Unknown evaluation level %v (1–4)."},
	domain.CodeEvaluationNoAnswers:         {"evaluasi belum memiliki jawaban.", "The evaluation has no answers."},
	domain.CodeEvaluationAnswer:            {"jawaban harus 1 sampai 5 (%v).", "Answers must be 1 to 5 (%v)."},
	domain.CodeEvaluationScore:             {"nilai %v di luar rentang.", "Score %v is out of range."},
	domain.CodeEvaluationEvaluatorRequired: {"evaluasi pasca pelatihan memerlukan nama atasan penilai.", "A post-training evaluation needs the evaluating supervisor's name."},
	domain.CodeAwardKindInvalid:            {"jenis penghargaan %v tidak dikenal.", "Unknown award kind %v."},
}

func init() {
	for code, m := range developmentMessages {
		if _, ok := catalogue[code]; !ok {
			catalogue[code] = m
		}
	}
}
