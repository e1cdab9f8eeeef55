package report

import (
	"bytes"
	"crypto/ed25519"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand"

	"kembang/backend/domain"
)

// Fixed data of the golden tests: names with apostrophes and accents, a
// very long unit name and a very long event name, so wrapping is
// exercised in every document.

const longUnit = "Bidang Pengembangan Kompetensi Aparatur Sipil Negara, Penilaian Kinerja, dan Manajemen Talenta pada Sekretariat Daerah Kabupaten Sleman"

func fixtureLetterhead() Letterhead {
	return Letterhead{
		Agency:  "Pemerintah Kabupaten Sleman",
		Office:  "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
		Address: "Jalan Parasamya Nomor 1, Beran, Tridadi, Sleman, Daerah Istimewa Yogyakarta 55511",
		Contact: "Telepon (0274) 868405 · bkpsdm@slemankab.go.id · bkpsdm.slemankab.go.id",
		Logo:    testLogo(),
	}
}

// testLogo is a small generated PNG emblem: a shield with a star.
func testLogo() []byte {
	const n = 120
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			fx, fy := float64(x)/n, float64(y)/n
			in := fx > 0.1 && fx < 0.9 && fy > 0.05 && (fy < 0.6 || math.Abs(fx-0.5) < (1-fy)*1.1)
			if !in {
				continue
			}
			c := color.NRGBA{22, 78, 99, 255}
			dx, dy := fx-0.5, fy-0.42
			r := math.Hypot(dx, dy)
			a := math.Atan2(dy, dx)
			star := 0.12 + 0.07*math.Cos(5*a)
			if r < star {
				c = color.NRGBA{234, 179, 8, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// testSignature is a scribble on a transparent PNG.
func testSignature() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 240, 90))
	for t := 0.0; t < 1; t += 0.0005 {
		x := 20 + 200*t
		y := 45 + 25*math.Sin(t*19)*math.Cos(t*5)
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				img.Set(int(x)+dx, int(y)+dy, color.NRGBA{20, 40, 120, 255})
			}
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// testBackground is a JPEG of about 200 KB: a soft gradient with noise
// (noise keeps JPEG from compressing it to nothing, like a real scanned
// design).
func testBackground() []byte {
	w, h := 1754, 1240 // A4 landscape at 150 dpi
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewSource(7))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			edge := math.Min(math.Min(fx, 1-fx), math.Min(fy, 1-fy))
			base := 250 - 30*math.Max(0, 0.08-edge)/0.08
			n := float64(rng.Intn(7)) - 3
			img.Set(x, y, color.RGBA{uint8(base + n - 6), uint8(base + n - 2), uint8(base + n), 255})
		}
	}
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 60})
	return b.Bytes()
}

func fixtureIDP() IDPData {
	comps := []IDPCompetency{
		{Code: "M.1", Name: "Integritas", Standard: 3, Actual: 3, Assessed: true, Gap: 0},
		{Code: "M.2", Name: "Kerja Sama", Standard: 3, Actual: 2.5, Assessed: true, Gap: -0.5},
		{Code: "M.3", Name: "Komunikasi", Standard: 3, Actual: 2, Assessed: true, Gap: -1},
		{Code: "M.4", Name: "Orientasi pada Hasil", Standard: 3, Actual: 3.5, Assessed: true, Gap: 0.5},
		{Code: "M.5", Name: "Pelayanan Publik", Standard: 3, Actual: 3, Assessed: true, Gap: 0},
		{Code: "M.6", Name: "Pengembangan Diri dan Orang Lain", Standard: 3, Actual: 2, Assessed: true, Gap: -1},
		{Code: "M.7", Name: "Mengelola Perubahan", Standard: 3, Actual: 3, Assessed: true, Gap: 0},
		{Code: "M.8", Name: "Pengambilan Keputusan", Standard: 3, Actual: 2.75, Assessed: true, Gap: -0.25},
		{Code: "SK.1", Name: "Perekat Bangsa", Standard: 3, Actual: 3, Assessed: true, Gap: 0},
		{Code: "T.KEP.01", Name: "Pengelolaan Data Kepegawaian dan Sistem Informasi Aparatur Sipil Negara (SIASN)", Standard: 3, Actual: 0, Assessed: false},
	}
	return IDPData{
		Letterhead:   fixtureLetterhead(),
		Year:         2026,
		Employee:     Identity{Name: "Ni Luh Putu Ayu Ma'ruf, S.Psi., M.Si.", NIP: "198507142010012003", Golongan: "III/c", Position: "Analis Sumber Daya Manusia Aparatur Ahli Muda", Unit: longUnit},
		CareerTarget: "Kepala Subbidang Pengembangan Kompetensi (Pengawas)",
		Competencies: comps,
		JPM:          92.73,
		Category:     domain.CategoryOptimal,
		Lines: []IDPLine{
			{Competency: "Komunikasi", Goal: "Mampu menyampaikan presentasi kebijakan kepegawaian secara runtut kepada pimpinan dan pemangku kepentingan", Method: "Pelatihan Klasikal", Programme: "Pelatihan Komunikasi Efektif dan Public Speaking bagi ASN", Provider: "BPSDM Daerah Istimewa Yogyakarta", Start: "2026-03-09", End: "2026-03-11", JP: 24, Cost: 2_750_000, Funding: "APBD"},
			{Competency: "Pengembangan Diri dan Orang Lain", Goal: "Membimbing dua pelaksana baru", Method: "Coaching", Programme: "Coaching oleh Kepala Bidang", Provider: "BKPSDM Kabupaten Sleman", Start: "2026-04-01", End: "2026-06-30", JP: 12, Funding: "Lainnya"},
			{Competency: "Kerja Sama", Goal: "Memimpin tim lintas bidang", Method: "Patok Banding (benchmarking)", Programme: "Patok banding manajemen talenta ke BKPSDM Kota Surabaya", Provider: "BKPSDM Kabupaten Sleman", Start: "2026-10-28", End: "2026-11-02", JP: 10, Cost: 6_500_000, Funding: "APBD"},
			{Competency: "", Goal: "Pemutakhiran data SIASN", Method: "E-learning", Programme: "MOOC Pengelolaan SIASN", Provider: "BKN", Start: "2026-07-01", End: "2026-07-01", JP: 2.5, Funding: "Mandiri"},
		},
		JPTarget:   20,
		Note:       "Rencana disusun berdasarkan hasil penilaian kompetensi periode 2025.",
		Supervisor: Signatory{Title: "Kepala Bidang Pengembangan Aparatur,", Name: "André Wijaya, S.T., M.M.", NIP: "197407072002121008"},
		Approver:   Signatory{Title: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia,", Name: "Dr. Hj. Siti Rahmawati Kusumaningrum, S.H., M.Hum.", NIP: "196912301994032004", Signature: testSignature()},
		Place:      "Sleman",
		Date:       "2026-11-23",
	}
}

func fixtureSigner() Signer {
	seed := bytes.Repeat([]byte{42}, ed25519.SeedSize)
	return Signer{OfficeID: "K3MBNG7Q", Key: ed25519.NewKeyFromSeed(seed)}
}

func fixtureKeys(s Signer) func(string) (ed25519.PublicKey, bool) {
	return StaticKeys(map[string]ed25519.PublicKey{s.OfficeID: s.Key.Public().(ed25519.PublicKey)})
}

func fixtureEvent() CertificateEvent {
	return CertificateEvent{
		Name:     "Pelatihan Teknis Analisis Jabatan, Analisis Beban Kerja, dan Penyusunan Standar Kompetensi Jabatan bagi Pengelola Kepegawaian",
		Batch:    "II",
		Provider: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sleman",
		Venue:    "Aula Sembada, Sleman",
		Start:    "2026-11-03",
		End:      "2026-11-05",
		JP:       20,
		Office:   "BKPSDM Kabupaten Sleman",
		Place:    "Sleman",
		IssuedAt: "2026-11-23",
	}
}

func fixtureParticipants() []CertificateParticipant {
	return []CertificateParticipant{
		{Number: "800/BKPSDM-07/A/XI/2026/001", Name: "Ni Luh Putu Ayu Ma'ruf, S.Psi., M.Si.", NIP: "198507142010012003", Golongan: "III/c", Position: "Analis Sumber Daya Manusia Aparatur Ahli Muda", Unit: longUnit},
		{Number: "800/BKPSDM-07/A/XI/2026/002", Name: "André Wijaya, S.T., M.M.", NIP: "197407072002121008", Golongan: "IV/a", Position: "Kepala Bidang Pengembangan Aparatur", Unit: "BKPSDM Kabupaten Sleman"},
		{Number: "800/BKPSDM-07/A/XI/2026/003", Name: "Raden Roro Gusti Kanjeng Ayu Sekar Kedhaton Prameswari Hamengkubuwono Wijayaningrum, S.Kom.", NIP: "199203152019032011", Golongan: "III/a", Position: "Pranata Komputer Ahli Pertama", Unit: "Dinas Komunikasi dan Informatika"},
	}
}
