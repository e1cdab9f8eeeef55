package report

import (
	"io"

	"kembang/backend/domain"
)

func fixtureCertificateTemplate() CertificateTemplate {
	t := DefaultCertificateTemplate()
	t.Logo = testLogo()
	t.Signatories = []Signatory{{Title: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sleman", Name: "Dr. Hj. Siti Rahmawati Kusumaningrum, S.H., M.Hum.", NIP: "196912301994032004", Signature: testSignature()}}
	return t
}

const fixtureVerifyURL = "https://kembang.slemankab.go.id/verifikasi"

func fixtureHead() Signatory {
	return Signatory{Title: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia,", Name: "Dr. Hj. Siti Rahmawati Kusumaningrum, S.H., M.Hum.", NIP: "196912301994032004"}
}

func fixtureRecapJPM() RecapJPMData {
	return RecapJPMData{
		Letterhead: fixtureLetterhead(),
		Period:     "2025",
		Scope:      "Seluruh unit kerja",
		Thresholds: domain.MappingThresholds(),
		Units: []RecapJPMUnit{
			{Name: "Sekretariat", Count: 12, ByCategory: map[string]int{"optimal": 5, "cukup_optimal": 5, "kurang_optimal": 1}, Uncategorised: 1, Incomplete: 2, AverageJPM: 86.41},
			{Name: longUnit, Count: 9, ByCategory: map[string]int{"optimal": 2, "cukup_optimal": 4, "kurang_optimal": 3}, AverageJPM: 80.02},
			{Name: "Bidang Mutasi dan Promosi", Count: 7, ByCategory: map[string]int{"optimal": 4, "cukup_optimal": 3}, AverageJPM: 91.5},
		},
		People: []RecapJPMPerson{
			{Name: "Ni Luh Putu Ayu Ma'ruf, S.Psi., M.Si.", NIP: "198507142010012003", Unit: longUnit, Position: "Analis SDM Aparatur Ahli Muda", JPM: 92.73, Category: "optimal", Complete: false},
			{Name: "André Wijaya, S.T., M.M.", NIP: "197407072002121008", Unit: "Sekretariat", Position: "Kepala Bidang Pengembangan Aparatur", JPM: 77.99, Category: "kurang_optimal", Complete: true},
			{Name: "Bambang Sutrisno", NIP: "199001012015031001", Unit: "Bidang Mutasi dan Promosi", Position: "Pengelola Data Kepegawaian"},
		},
		Signatory: fixtureHead(),
		Place:     "Sleman",
		Date:      "2026-11-23",
	}
}

func fixtureRecapJP() RecapJPData {
	return RecapJPData{
		Letterhead: fixtureLetterhead(),
		Year:       2026,
		Target:     20,
		Scope:      "Seluruh unit kerja",
		Units: []RecapJPUnit{
			{Name: "Sekretariat", Count: 12, Compliant: 9, BelowTarget: 3, TotalJP: 318.5, AverageJP: 26.54, ComplianceRate: 75, Shortfall: 22},
			{Name: longUnit, Count: 9, Compliant: 4, BelowTarget: 5, TotalJP: 141, AverageJP: 15.67, ComplianceRate: 44.44, Shortfall: 47.5},
			{Name: "Bidang Mutasi dan Promosi", Count: 7, Compliant: 7, TotalJP: 1234.25, AverageJP: 176.32, ComplianceRate: 100},
		},
		People: []RecapJPPerson{
			{Name: "Ni Luh Putu Ayu Ma'ruf, S.Psi., M.Si.", NIP: "198507142010012003", Unit: longUnit, Total: 12.5, Target: 20, Shortfall: 7.5},
			{Name: "André Wijaya, S.T., M.M.", NIP: "197407072002121008", Unit: "Sekretariat", Total: 0, Target: 20, Shortfall: 20},
		},
		Signatory: fixtureHead(),
		Place:     "Sleman",
		Date:      "2026-11-23",
	}
}

func fixtureAttendance(days int) AttendanceData {
	all := []string{"2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-09", "2026-11-10", "2026-11-11"}
	ps := make([]AttendanceParticipant, 0, 26)
	for _, p := range fixtureParticipants() {
		ps = append(ps, AttendanceParticipant{Name: p.Name, NIP: p.NIP, Unit: p.Unit})
	}
	names := []string{"Agus Salim", "Bernadeta Sitorus", "Cut Nyak Meutia", "Dewa Ayu Kade Sri Wahyuni", "Eko Prasetyo", "Fransiska Lumban Tobing", "Gede Wirawan", "Hana Nur'aini", "I Made Suardana", "Joko Susilo",
		"Kurniawati", "La Ode Muhammad Syarif", "Maria Goretti Wulandari", "Nyoman Darsana", "Oktaviani Putri", "Paulus Mandagi", "Qurrota A'yun", "Rizky Ramadhan", "Stefanus Raja"}
	for i, n := range names {
		ps = append(ps, AttendanceParticipant{Name: n, NIP: "1990010120150310" + string(rune('1'+i%9)) + "1", Unit: []string{"Sekretariat", "Bidang Mutasi dan Promosi", longUnit}[i%3]})
	}
	return AttendanceData{
		Letterhead:   fixtureLetterhead(),
		Event:        fixtureEvent().EventTitle(),
		Provider:     fixtureEvent().Provider,
		Venue:        fixtureEvent().Venue,
		Days:         all[:days],
		Participants: ps,
		Signatory:    Signatory{Title: "Ketua Panitia,", Name: "Hana Nur'aini, S.E.", NIP: "199203152019032011"},
		Place:        "Sleman",
		Date:         "2026-11-03",
	}
}

func fixtureHistory() HistoryData {
	return HistoryData{
		Letterhead: fixtureLetterhead(),
		Employee:   fixtureIDP().Employee,
		JPTarget:   20,
		Records: []HistoryRecord{
			{Name: "Pelatihan Dasar CPNS Golongan III", Kind: "Diklat Prajabatan", Provider: "BPSDM Daerah Istimewa Yogyakarta", CertificateNo: "LATSAR/III/2010/0412", Start: "2010-09-06", End: "2010-10-29", Year: 2010, JP: 560},
			{Name: "Bimbingan Teknis Penyusunan Analisis Jabatan dan Analisis Beban Kerja", Kind: "Bimbingan Teknis", Provider: "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", CertificateNo: "B/1234/KEMENPANRB/2025", Start: "2025-02-10", End: "2025-02-12", Year: 2025, JP: 24},
			{Name: "Seminar Nasional Manajemen Talenta ASN", Kind: "Seminar", Provider: "BKN", Start: "2025-08-20", End: "2025-08-20", Year: 2025, JP: 4},
			{Name: fixtureEvent().EventTitle(), Kind: "Pelatihan Teknis", Provider: fixtureEvent().Provider, CertificateNo: fixtureParticipants()[0].Number, Start: "2026-11-03", End: "2026-11-05", Year: 2026, JP: 20},
			{Name: "Coaching oleh Kepala Bidang", Kind: "Coaching", Provider: "BKPSDM Kabupaten Sleman", Start: "2026-04-01", End: "2026-06-30", Year: 2026, JP: 12.5},
		},
		Signatory: fixtureHead(),
		Place:     "Sleman",
		Date:      "2026-11-23",
	}
}

// goldenDocs renders every document from the fixtures.
func goldenDocs() map[string]func(io.Writer) error {
	return map[string]func(io.Writer) error{
		"idp": func(w io.Writer) error { return IDP(w, fixtureIDP()) },
		"certificates": func(w io.Writer) error {
			return Certificates(w, fixtureCertificateTemplate(), fixtureEvent(), fixtureParticipants(), fixtureSigner(), fixtureVerifyURL)
		},
		"certificates-two-signatories": func(w io.Writer) error {
			t := fixtureCertificateTemplate()
			t.Logo = nil
			t.Background = testBackground()
			t.Signatories = []Signatory{
				{Title: "Ketua Panitia,", Name: "Hana Nur'aini, S.E.", NIP: "199203152019032011"},
				t.Signatories[0],
			}
			return Certificates(w, t, fixtureEvent(), fixtureParticipants()[:1], fixtureSigner(), fixtureVerifyURL)
		},
		"recap-jpm":         func(w io.Writer) error { return RecapJPM(w, fixtureRecapJPM()) },
		"recap-jp":          func(w io.Writer) error { return RecapJP(w, fixtureRecapJP()) },
		"attendance":        func(w io.Writer) error { return AttendanceList(w, fixtureAttendance(2)) },
		"attendance-5-days": func(w io.Writer) error { return AttendanceList(w, fixtureAttendance(7)) },
		"history":           func(w io.Writer) error { return TrainingHistory(w, fixtureHistory()) },
	}
}
