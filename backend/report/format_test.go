package report

import (
	"math"
	"testing"
)

func TestTerbilang(t *testing.T) {
	cases := []struct {
		n    int64
		want string
	}{
		{0, "nol"},
		{1, "satu"},
		{10, "sepuluh"},
		{11, "sebelas"},
		{12, "dua belas"},
		{19, "sembilan belas"},
		{20, "dua puluh"},
		{21, "dua puluh satu"},
		{99, "sembilan puluh sembilan"},
		{100, "seratus"},
		{101, "seratus satu"},
		{111, "seratus sebelas"},
		{115, "seratus lima belas"},
		{200, "dua ratus"},
		{560, "lima ratus enam puluh"},
		{1000, "seribu"},
		{1001, "seribu satu"},
		{1100, "seribu seratus"},
		{2000, "dua ribu"},
		{11000, "sebelas ribu"},
		{100000, "seratus ribu"},
		{101000, "seratus satu ribu"},
		{1_000_000, "satu juta"},
		{2_500_000, "dua juta lima ratus ribu"},
		{1_234_567, "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh"},
		{1_000_000_000, "satu miliar"},
		{3_000_000_000_000, "tiga triliun"},
		{-3, "minus tiga"},
		{math.MinInt64, "minus sembilan juta dua ratus dua puluh tiga ribu tiga ratus tujuh puluh dua triliun tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan ratus delapan"},
	}
	for _, tc := range cases {
		if got := Terbilang(tc.n); got != tc.want {
			t.Errorf("Terbilang(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestTerbilangDecimal(t *testing.T) {
	for x, want := range map[float64]string{
		20:     "dua puluh",
		20.5:   "dua puluh koma lima",
		7.25:   "tujuh koma dua lima",
		0.05:   "nol koma nol lima",
		32.999: "tiga puluh tiga",
	} {
		if got := TerbilangDecimal(x); got != want {
			t.Errorf("TerbilangDecimal(%v) = %q, want %q", x, got, want)
		}
	}
}

func TestFormats(t *testing.T) {
	cases := []struct{ name, got, want string }{
		{"date", FormatDate("2026-11-23"), "23 November 2026"},
		{"date single digit day", FormatDate("2026-03-09"), "9 Maret 2026"},
		{"date free text kept", FormatDate("akhir tahun"), "akhir tahun"},
		{"range same month", FormatDateRange("2026-11-03", "2026-11-05"), "3–5 November 2026"},
		{"range across months", FormatDateRange("2026-10-28", "2026-11-02"), "28 Oktober – 2 November 2026"},
		{"range across years", FormatDateRange("2025-12-30", "2026-01-02"), "30 Desember 2025 – 2 Januari 2026"},
		{"range one day", FormatDateRange("2026-07-01", "2026-07-01"), "1 Juli 2026"},
		{"range no end", FormatDateRange("2026-07-01", ""), "1 Juli 2026"},
		{"int", FormatInt(1234567), "1.234.567"},
		{"int small", FormatInt(999), "999"},
		{"int negative", FormatInt(-1234), "-1.234"},
		{"int min", FormatInt(math.MinInt64), "-9.223.372.036.854.775.808"},
		{"decimal", FormatDecimal(1234.5, 2), "1.234,50"},
		{"number whole", FormatNumber(20), "20"},
		{"number half", FormatNumber(20.5), "20,5"},
		{"number thousands", FormatNumber(1234.25), "1.234,25"},
		{"number negative", FormatNumber(-0.5), "-0,5"},
		{"number rounds to zero", FormatNumber(-0.001), "0"},
		{"percent", FormatPercent(88.888), "88,89%"},
		{"rupiah", FormatRupiah(1500000), "Rp1.500.000"},
		{"nip", FormatNIP("197407072002121008"), "19740707 200212 1 008"},
		{"nip printed already", FormatNIP("19740707 200212 1 008"), "19740707 200212 1 008"},
		{"nip other kept", FormatNIP("12345"), "12345"},
		{"golongan", FormatGolongan("3c"), "Penata (III/c)"},
		{"golongan unknown", FormatGolongan("honorer"), "honorer"},
		{"category", CategoryLabel("cukup_optimal"), "Cukup Optimal"},
		{"category none", CategoryLabel(""), "Belum dinilai"},
		{"clean", clean("  Ni  Luh\tPutu \n"), "Ni Luh Putu"},
	}
	for _, tc := range cases {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestCertificateBodyWording(t *testing.T) {
	ev := fixtureEvent()
	want := "telah mengikuti Pelatihan Teknis Analisis Jabatan, Analisis Beban Kerja, dan Penyusunan Standar Kompetensi Jabatan bagi Pengelola Kepegawaian Angkatan II, yang diselenggarakan oleh Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sleman di Aula Sembada, Sleman dari tanggal 3 November 2026 sampai dengan 5 November 2026, yang meliputi 20 (dua puluh) jam pelajaran."
	if got := CertificateBody(ev); got != want {
		t.Errorf("body:\n%s\nwant\n%s", got, want)
	}
	ev.End, ev.Venue, ev.Batch, ev.JP = ev.Start, "", "", 4.5
	want = "telah mengikuti Pelatihan Teknis Analisis Jabatan, Analisis Beban Kerja, dan Penyusunan Standar Kompetensi Jabatan bagi Pengelola Kepegawaian, yang diselenggarakan oleh Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sleman pada tanggal 3 November 2026, yang meliputi 4,5 (empat koma lima) jam pelajaran."
	if got := CertificateBody(ev); got != want {
		t.Errorf("one-day body:\n%s\nwant\n%s", got, want)
	}
}
