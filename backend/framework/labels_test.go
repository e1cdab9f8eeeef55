package framework

import (
	"testing"

	"kembang/backend/domain"
)

func TestLabelsAreIndonesian(t *testing.T) {
	typeTests := []struct {
		typ  domain.PositionType
		want string
	}{
		{domain.JPTUtama, "JPT Utama"},
		{domain.JPTMadya, "JPT Madya"},
		{domain.JPTPratama, "JPT Pratama"},
		{domain.Administrator, "Administrator"},
		{domain.Pengawas, "Pengawas"},
		{domain.Pelaksana, "Pelaksana"},
		{domain.Fungsional, "Fungsional"},
		{"unknown_type", "unknown_type"},
	}
	for _, tt := range typeTests {
		if got := PositionTypeLabel(tt.typ); got != tt.want {
			t.Errorf("PositionTypeLabel(%q) = %q, want %q", tt.typ, got, tt.want)
		}
	}
	jenjangTests := []struct {
		j    domain.Jenjang
		want string
	}{
		{domain.AhliUtama, "Ahli Utama"},
		{domain.AhliMadya, "Ahli Madya"},
		{domain.AhliMuda, "Ahli Muda"},
		{domain.AhliPertama, "Ahli Pertama"},
		{domain.Penyelia, "Penyelia"},
		{domain.Mahir, "Mahir"},
		{domain.Terampil, "Terampil"},
		{domain.Pemula, "Pemula"},
		{"", ""},
	}
	for _, tt := range jenjangTests {
		if got := JenjangLabel(tt.j); got != tt.want {
			t.Errorf("JenjangLabel(%q) = %q, want %q", tt.j, got, tt.want)
		}
	}
}

func TestEveryLabelParsesBackToItsValue(t *testing.T) {
	for _, typ := range domain.PositionTypes {
		if got, ok := ParsePositionType(PositionTypeLabel(typ)); !ok || got != typ {
			t.Errorf("ParsePositionType(%q) = %q, %v", PositionTypeLabel(typ), got, ok)
		}
		if got, ok := ParsePositionType(string(typ)); !ok || got != typ {
			t.Errorf("ParsePositionType(%q) = %q, %v", typ, got, ok)
		}
	}
	for _, j := range domain.Jenjangs {
		if got, ok := ParseJenjang(JenjangLabel(j)); !ok || got != j {
			t.Errorf("ParseJenjang(%q) = %q, %v", JenjangLabel(j), got, ok)
		}
		if got, ok := ParseJenjang(string(j)); !ok || got != j {
			t.Errorf("ParseJenjang(%q) = %q, %v", j, got, ok)
		}
	}
}

func TestParsePositionTypeAcceptsSpreadsheetSpellings(t *testing.T) {
	tests := []struct {
		in     string
		want   domain.PositionType
		wantOK bool
	}{
		{"jpt pratama", domain.JPTPratama, true},
		{"  JPT   PRATAMA ", domain.JPTPratama, true},
		{"JPT-Pratama", domain.JPTPratama, true},
		{"Jabatan Pimpinan Tinggi Pratama", domain.JPTPratama, true},
		{"pimpinan tinggi madya", domain.JPTMadya, true},
		{"Jabatan Administrator", domain.Administrator, true},
		{"Jabatan Fungsional", domain.Fungsional, true},
		{"JFT", domain.Fungsional, true},
		{"JFU", domain.Pelaksana, true},
		{"Fungsional Umum", domain.Pelaksana, true},
		{"Eselon II.a", domain.JPTPratama, true},
		{"eselon IIb", domain.JPTPratama, true},
		{"Eselon III/a", domain.Administrator, true},
		{"ESELON IV.B", domain.Pengawas, true},
		{"Eselon IV-a", domain.Pengawas, true},
		{"Eselon V", domain.Pelaksana, true},
		{"Eselon I.b", domain.JPTMadya, true},
		{"Eselon I.a", "", false},
		{"Eselon I", "", false},
		{"Eselon VI", "", false},
		{"Ahli Muda", "", false},
		{"", "", false},
		{"   ", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParsePositionType(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ParsePositionType(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestParseJenjangAcceptsSpreadsheetSpellings(t *testing.T) {
	tests := []struct {
		in     string
		want   domain.Jenjang
		wantOK bool
	}{
		{"Ahli Muda", domain.AhliMuda, true},
		{"ahli muda", domain.AhliMuda, true},
		{"AHLI_PERTAMA", domain.AhliPertama, true},
		{" ahli-madya ", domain.AhliMadya, true},
		{"Terampil", domain.Terampil, true},
		{"penyelia", domain.Penyelia, true},
		{"Muda", "", false},
		{"Ahli", "", false},
		{"Pelaksana", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseJenjang(tt.in)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ParseJenjang(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}
