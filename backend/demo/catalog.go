package demo

import (
	"strings"

	"kembang/backend/domain"
	"kembang/backend/framework"
)

// OfficeName is the demo office: a district BKPSDM (Badan Kepegawaian dan
// Pengembangan Sumber Daya Manusia).
const OfficeName = "BKPSDM Kabupaten Contoh"

// Unit names. The root unit is the agency itself; the others hang below it.
const (
	unitRoot        = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
	unitSekretariat = "Sekretariat"
	unitUmum        = "Subbagian Umum dan Kepegawaian"
	unitRenkeu      = "Subbagian Perencanaan dan Keuangan"
	unitPengadaan   = "Bidang Pengadaan dan Informasi ASN"
	unitMutasi      = "Bidang Mutasi dan Promosi"
	unitBangkom     = "Bidang Pengembangan Kompetensi ASN"
	unitKinerja     = "Bidang Penilaian Kinerja dan Penghargaan"
)

// unitTree lists every unit with its parent ("" for the root), parents first.
var unitTree = [][2]string{
	{unitRoot, ""},
	{unitSekretariat, unitRoot},
	{unitUmum, unitSekretariat},
	{unitRenkeu, unitSekretariat},
	{unitPengadaan, unitRoot},
	{unitMutasi, unitRoot},
	{unitBangkom, unitRoot},
	{unitKinerja, unitRoot},
}

// bidang are the units where most technical staff sit.
var bidang = []string{unitPengadaan, unitMutasi, unitBangkom, unitKinerja}

// technical describes one of the office's own technical competencies.
type technical struct {
	code, name, definition string
	field                  string       // replaces "bidang tugasnya" in the template descriptions
	indicators             [5][2]string // two behaviour indicators per level
}

// technicals are the agency's technical competencies (kompetensi teknis)
// for the affair "kepegawaian".
var technicals = []technical{
	{
		code: "T.01", name: "Manajemen ASN", field: "manajemen ASN",
		definition: "Kemampuan menerapkan peraturan dan kebijakan manajemen ASN, mulai dari pengadaan, kepangkatan dan jabatan, pengembangan karier, sampai pemberhentian dan pensiun.",
		indicators: [5][2]string{
			{"Menjelaskan jenis layanan kepegawaian beserta persyaratannya kepada pegawai.", "Menyiapkan berkas usulan layanan kepegawaian sesuai daftar periksa."},
			{"Memproses usulan kenaikan pangkat dan pensiun secara mandiri sesuai ketentuan.", "Memeriksa kelengkapan dan keabsahan dokumen usulan layanan."},
			{"Menemukan hambatan dalam proses layanan kepegawaian dan mengusulkan perbaikannya.", "Menyusun telaahan atas kasus kepegawaian yang tidak lazim."},
			{"Menyusun standar operasional prosedur layanan manajemen ASN di instansi.", "Merancang layanan kepegawaian digital yang terintegrasi."},
			{"Merumuskan kebijakan manajemen ASN daerah, termasuk pola karier dan manajemen talenta.", "Menjadi narasumber manajemen ASN bagi instansi lain."},
		},
	},
	{
		code: "T.02", name: "Pengelolaan Data Kepegawaian (SIASN)", field: "pengelolaan data kepegawaian",
		definition: "Kemampuan mengelola data dan informasi kepegawaian secara akurat, mutakhir, dan aman, termasuk pemutakhiran data pada Sistem Informasi ASN (SIASN).",
		indicators: [5][2]string{
			{"Memasukkan dan memperbarui riwayat pegawai di SIASN sesuai dokumen sumber.", "Menyimpan arsip data pegawai sesuai ketentuan kerahasiaan."},
			{"Memvalidasi dan memverifikasi data pegawai secara mandiri.", "Menyajikan rekapitulasi data pegawai sesuai permintaan pimpinan."},
			{"Menganalisis ketidaksesuaian data antarsistem dan menyusun langkah pemutakhirannya.", "Menyusun profil pegawai dan statistik kepegawaian sebagai bahan kebijakan."},
			{"Merancang tata kelola dan standar data kepegawaian di instansi.", "Mengembangkan integrasi data SIASN dengan aplikasi kepegawaian daerah."},
			{"Merumuskan kebijakan satu data kepegawaian di tingkat daerah.", "Menjadi rujukan pengelolaan data kepegawaian bagi perangkat daerah lain."},
		},
	},
	{
		code: "T.03", name: "Analisis Jabatan dan Beban Kerja", field: "analisis jabatan dan beban kerja",
		definition: "Kemampuan menganalisis jabatan dan beban kerja untuk menghasilkan informasi jabatan, peta jabatan, dan kebutuhan pegawai setiap unit kerja.",
		indicators: [5][2]string{
			{"Mengumpulkan data uraian tugas dan hasil kerja melalui formulir atau wawancara.", "Mengisi formulir informasi jabatan sesuai pedoman."},
			{"Menyusun informasi jabatan dan menghitung beban kerja satu unit kerja secara mandiri.", "Menyusun peta jabatan unit kerja sesuai nomenklatur yang berlaku."},
			{"Menemukan tumpang tindih tugas serta jabatan yang beban kerjanya berlebih atau kurang.", "Menyusun rekomendasi penataan jabatan berdasarkan hasil analisis."},
			{"Mengembangkan metode analisis beban kerja yang sesuai dengan karakteristik instansi.", "Memadukan hasil analisis jabatan dengan standar kompetensi jabatan."},
			{"Merumuskan kebijakan penataan kelembagaan dan jabatan di daerah.", "Menjadi rujukan analisis jabatan bagi perangkat daerah lain."},
		},
	},
	{
		code: "T.04", name: "Pengembangan Kompetensi ASN", field: "pengembangan kompetensi ASN",
		definition: "Kemampuan merencanakan, melaksanakan, dan mengevaluasi pengembangan kompetensi ASN, baik klasikal maupun nonklasikal, agar setiap pegawai memperoleh paling sedikit 20 JP per tahun.",
		indicators: [5][2]string{
			{"Mencatat riwayat pelatihan dan jam pelajaran (JP) pegawai.", "Menyiapkan administrasi peserta pelatihan sesuai petunjuk."},
			{"Menyusun rekap capaian JP pegawai dan menandai yang belum mencapai 20 JP.", "Menyelenggarakan pelatihan sederhana seperti bimbingan teknis atau e-learning."},
			{"Menganalisis kesenjangan kompetensi sebagai dasar kebutuhan pengembangan.", "Menyusun rencana pengembangan kompetensi tahunan instansi."},
			{"Merancang program pengembangan nonklasikal seperti coaching, mentoring, dan detasering.", "Mengembangkan evaluasi pascapelatihan untuk mengukur dampaknya pada kinerja."},
			{"Merumuskan strategi pengembangan kompetensi daerah, termasuk ASN Corporate University.", "Menjadi rujukan pengembangan kompetensi bagi instansi lain."},
		},
	},
	{
		code: "T.05", name: "Penilaian Kinerja ASN", field: "penilaian kinerja ASN",
		definition: "Kemampuan mengelola perencanaan, pemantauan, dan penilaian kinerja pegawai, termasuk penyusunan SKP dan pemberian penghargaan berdasarkan kinerja.",
		indicators: [5][2]string{
			{"Membantu pegawai mengisi SKP pada aplikasi penilaian kinerja.", "Mengumpulkan dokumen penilaian kinerja dari unit kerja."},
			{"Memeriksa kesesuaian SKP dengan rencana kinerja unit secara mandiri.", "Menyusun rekap predikat kinerja pegawai."},
			{"Menganalisis sebaran predikat kinerja untuk menemukan penilaian yang tidak wajar.", "Menyiapkan bahan kalibrasi kinerja bagi pimpinan."},
			{"Mengembangkan metode penjenjangan kinerja dari organisasi sampai individu.", "Mengaitkan hasil penilaian kinerja dengan pengembangan kompetensi dan penghargaan."},
			{"Merumuskan kebijakan manajemen kinerja ASN di daerah.", "Menjadi rujukan penilaian kinerja bagi perangkat daerah lain."},
		},
	},
	{
		code: "T.06", name: "Perencanaan Kebutuhan ASN", field: "perencanaan kebutuhan ASN",
		definition: "Kemampuan menyusun kebutuhan jumlah dan jenis jabatan ASN berdasarkan analisis jabatan, beban kerja, dan proyeksi pensiun sebagai dasar usulan formasi.",
		indicators: [5][2]string{
			{"Mengumpulkan data pegawai yang akan pensiun dalam lima tahun ke depan.", "Menyiapkan bahan usulan formasi sesuai format yang ditentukan."},
			{"Menghitung kekurangan dan kelebihan pegawai per jabatan secara mandiri.", "Mengisi usulan kebutuhan ASN pada aplikasi yang ditetapkan."},
			{"Menyusun proyeksi kebutuhan ASN lima tahun ke depan secara sistematis.", "Menetapkan prioritas formasi sesuai kebutuhan pelayanan."},
			{"Mengembangkan model perencanaan kebutuhan ASN yang memperhitungkan kemampuan anggaran daerah.", "Menyelaraskan rencana kebutuhan ASN dengan rencana strategis daerah."},
			{"Merumuskan strategi pemenuhan kebutuhan ASN daerah untuk jangka panjang.", "Menjadi rujukan perencanaan kebutuhan ASN bagi instansi lain."},
		},
	},
}

// competency builds the full competency: the framework's technical level
// template, specialised to the field, plus the level indicators.
func (t technical) competency() domain.Competency {
	levels := framework.TechnicalLevelTemplate()
	for i := range levels {
		levels[i].Description = strings.ReplaceAll(levels[i].Description, "bidang tugasnya", "bidang "+t.field)
		levels[i].Indicators = append(levels[i].Indicators, t.indicators[i][:]...)
	}
	return domain.Competency{Code: t.code, Type: domain.Technical, Name: t.name, Definition: t.definition, Levels: levels}
}

// education is the highest qualification, which sets the entry golongan
// and the academic titles.
type education int

const (
	sma education = iota // senior high school
	d3                   // diploma
	s1                   // bachelor
	s2                   // master
	s3                   // doctorate
)

// entryGolongan is the index in domain.Golongans at appointment as CPNS.
var entryGolongan = [...]int{sma: 4, d3: 6, s1: 8, s2: 9, s3: 10} // II/a, II/c, III/a, III/b, III/c

// position is one jabatan of the demo office.
type position struct {
	name      string
	typ       domain.PositionType
	jenjang   domain.Jenjang
	unit      string   // the unit of a structural position; "" for the others
	units     []string // where holders of a non-structural position sit
	technical []string // technical competency codes in the SKJ
	gol       [2]int   // golongan range, as indexes in domain.Golongans
	edu       []education
	weight    int // how often a non-structural position is drawn
}

var (
	allUnits   = []string{unitUmum, unitRenkeu, unitPengadaan, unitMutasi, unitBangkom, unitKinerja}
	graduate   = []education{s1, s1, s1, s2}
	leadership = []education{s2, s2, s3}
)

// structural positions are held by one employee each and are filled first.
var structural = []position{
	{name: "Kepala Badan", typ: domain.JPTPratama, unit: unitRoot, technical: []string{"T.01", "T.02", "T.03", "T.04", "T.05", "T.06"}, gol: [2]int{14, 15}, edu: leadership},
	{name: "Sekretaris", typ: domain.Administrator, unit: unitSekretariat, technical: []string{"T.01", "T.06"}, gol: [2]int{12, 13}, edu: []education{s1, s2, s2}},
	{name: "Kepala Bidang Pengadaan dan Informasi ASN", typ: domain.Administrator, unit: unitPengadaan, technical: []string{"T.02", "T.06"}, gol: [2]int{12, 13}, edu: []education{s1, s2, s2}},
	{name: "Kepala Bidang Mutasi dan Promosi", typ: domain.Administrator, unit: unitMutasi, technical: []string{"T.01", "T.03"}, gol: [2]int{12, 13}, edu: []education{s1, s2, s2}},
	{name: "Kepala Bidang Pengembangan Kompetensi ASN", typ: domain.Administrator, unit: unitBangkom, technical: []string{"T.04", "T.01"}, gol: [2]int{12, 13}, edu: []education{s1, s2, s2}},
	{name: "Kepala Bidang Penilaian Kinerja dan Penghargaan", typ: domain.Administrator, unit: unitKinerja, technical: []string{"T.05", "T.01"}, gol: [2]int{12, 13}, edu: []education{s1, s2, s2}},
	{name: "Kepala Subbagian Umum dan Kepegawaian", typ: domain.Pengawas, unit: unitUmum, technical: []string{"T.01", "T.02"}, gol: [2]int{10, 11}, edu: graduate},
	{name: "Kepala Subbagian Perencanaan dan Keuangan", typ: domain.Pengawas, unit: unitRenkeu, technical: []string{"T.06"}, gol: [2]int{10, 11}, edu: graduate},
}

// staff positions (pelaksana and fungsional) are shared by many employees.
var staff = []position{
	{name: "Pengadministrasi Perkantoran", typ: domain.Pelaksana, units: allUnits, technical: []string{"T.01"}, gol: [2]int{4, 9}, edu: []education{sma, sma, d3}, weight: 8},
	{name: "Pengolah Data dan Informasi", typ: domain.Pelaksana, units: []string{unitPengadaan, unitUmum}, technical: []string{"T.02"}, gol: [2]int{6, 10}, edu: []education{d3, s1}, weight: 6},
	{name: "Penata Layanan Operasional", typ: domain.Pelaksana, units: allUnits, technical: []string{"T.01"}, gol: [2]int{8, 11}, edu: []education{s1}, weight: 7},
	{name: "Operator Layanan Operasional", typ: domain.Pelaksana, units: allUnits, technical: []string{"T.02"}, gol: [2]int{4, 8}, edu: []education{sma, d3}, weight: 5},
	{name: "Pengelola Layanan Operasional", typ: domain.Pelaksana, units: allUnits, technical: []string{"T.01"}, gol: [2]int{6, 10}, edu: []education{d3, s1}, weight: 5},
	{name: "Analis SDM Aparatur Ahli Pertama", typ: domain.Fungsional, jenjang: domain.AhliPertama, units: bidang, technical: []string{"T.01", "T.03", "T.06"}, gol: [2]int{8, 9}, edu: []education{s1}, weight: 8},
	{name: "Analis SDM Aparatur Ahli Muda", typ: domain.Fungsional, jenjang: domain.AhliMuda, units: bidang, technical: []string{"T.01", "T.03", "T.06"}, gol: [2]int{10, 11}, edu: graduate, weight: 6},
	{name: "Analis SDM Aparatur Ahli Madya", typ: domain.Fungsional, jenjang: domain.AhliMadya, units: bidang, technical: []string{"T.01", "T.03", "T.06"}, gol: [2]int{12, 14}, edu: []education{s2}, weight: 2},
	{name: "Pranata SDM Aparatur Terampil", typ: domain.Fungsional, jenjang: domain.Terampil, units: allUnits, technical: []string{"T.01", "T.02"}, gol: [2]int{5, 7}, edu: []education{d3}, weight: 5},
	{name: "Pranata SDM Aparatur Mahir", typ: domain.Fungsional, jenjang: domain.Mahir, units: allUnits, technical: []string{"T.01", "T.02"}, gol: [2]int{8, 9}, edu: []education{d3, s1}, weight: 3},
	{name: "Pranata SDM Aparatur Penyelia", typ: domain.Fungsional, jenjang: domain.Penyelia, units: allUnits, technical: []string{"T.01", "T.02"}, gol: [2]int{10, 11}, edu: []education{d3, s1}, weight: 2},
	{name: "Asesor SDM Aparatur Ahli Pertama", typ: domain.Fungsional, jenjang: domain.AhliPertama, units: []string{unitBangkom}, technical: []string{"T.04"}, gol: [2]int{8, 9}, edu: []education{s1}, weight: 2},
	{name: "Asesor SDM Aparatur Ahli Muda", typ: domain.Fungsional, jenjang: domain.AhliMuda, units: []string{unitBangkom}, technical: []string{"T.04", "T.05"}, gol: [2]int{10, 11}, edu: graduate, weight: 2},
	{name: "Pranata Komputer Terampil", typ: domain.Fungsional, jenjang: domain.Terampil, units: []string{unitPengadaan}, technical: []string{"T.02"}, gol: [2]int{5, 7}, edu: []education{d3}, weight: 2},
	{name: "Pranata Komputer Ahli Pertama", typ: domain.Fungsional, jenjang: domain.AhliPertama, units: []string{unitPengadaan}, technical: []string{"T.02"}, gol: [2]int{8, 9}, edu: []education{s1}, weight: 2},
	{name: "Arsiparis Terampil", typ: domain.Fungsional, jenjang: domain.Terampil, units: []string{unitUmum}, technical: []string{"T.02"}, gol: [2]int{5, 7}, edu: []education{d3}, weight: 2},
	{name: "Arsiparis Ahli Pertama", typ: domain.Fungsional, jenjang: domain.AhliPertama, units: []string{unitUmum}, technical: []string{"T.02"}, gol: [2]int{8, 9}, edu: []education{s1}, weight: 1},
	{name: "Perencana Ahli Muda", typ: domain.Fungsional, jenjang: domain.AhliMuda, units: []string{unitRenkeu}, technical: []string{"T.06", "T.03"}, gol: [2]int{10, 11}, edu: graduate, weight: 1},
	{name: "Pengembang Teknologi Pembelajaran Ahli Pertama", typ: domain.Fungsional, jenjang: domain.AhliPertama, units: []string{unitBangkom}, technical: []string{"T.04"}, gol: [2]int{8, 9}, edu: []education{s1}, weight: 1},
}

// technicalLevel is the technical level the demo office requires of each
// position type and jenjang. It is a plausible choice for demo data, not a
// rule: each agency sets technical levels in its own SKJ.
func technicalLevel(t domain.PositionType, j domain.Jenjang) int {
	switch t {
	case domain.JPTUtama, domain.JPTMadya:
		return 5
	case domain.JPTPratama:
		return 4
	case domain.Administrator, domain.Pengawas:
		return 3
	case domain.Pelaksana:
		return 2
	}
	switch j {
	case domain.AhliUtama:
		return 5
	case domain.AhliMadya:
		return 4
	case domain.AhliMuda, domain.Penyelia:
		return 3
	case domain.AhliPertama, domain.Mahir, domain.Terampil:
		return 2
	}
	return 1
}

// importPosition is the spreadsheet row of p.
func (p position) importPosition(row int) domain.ImportPosition {
	std := framework.DefaultStandards(p.typ, p.jenjang)
	level := technicalLevel(p.typ, p.jenjang)
	for _, code := range p.technical {
		std[code] = level
	}
	return domain.ImportPosition{
		Row:      row,
		Position: domain.Position{Name: p.name, Type: p.typ, Jenjang: p.jenjang, Standards: std},
		UnitName: p.unit,
	}
}
