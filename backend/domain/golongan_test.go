package domain

import "testing"

func TestNormalizeGolongan(t *testing.T) {
	tests := []struct {
		name, in, want string
		invalid        bool
	}{
		{name: "canonical", in: "III/c", want: "III/c"},
		{name: "dash", in: "III-c", want: "III/c"},
		{name: "space", in: "III c", want: "III/c"},
		{name: "no separator", in: "IIIc", want: "III/c"},
		{name: "arabic digit", in: "3c", want: "III/c"},
		{name: "arabic with slash", in: "3/c", want: "III/c"},
		{name: "arabic with dash", in: "3-c", want: "III/c"},
		{name: "upper case ruang", in: "III/C", want: "III/c"},
		{name: "lower case group", in: "iii/c", want: "III/c"},
		{name: "surrounding spaces", in: "  iv / a  ", want: "IV/a"},
		{name: "lowest", in: "1a", want: "I/a"},
		{name: "IV/e exists", in: "4e", want: "IV/e"},
		{name: "II/d", in: "II-D", want: "II/d"},
		{name: "III/e does not exist", in: "III/e", invalid: true},
		{name: "I/e does not exist", in: "I/e", invalid: true},
		{name: "group V does not exist", in: "V/a", invalid: true},
		{name: "group 5 does not exist", in: "5a", invalid: true},
		{name: "ruang missing", in: "III", invalid: true},
		{name: "empty", in: "", invalid: true},
		{name: "PPPK grade is not a golongan", in: "IX", invalid: true},
		{name: "pangkat written instead", in: "Penata", invalid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NormalizeGolongan(tt.in)
			if tt.invalid {
				if !IsCode(err, CodeGolonganInvalid) {
					t.Fatalf("NormalizeGolongan(%q) = %q, %v; want golongan.invalid", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("NormalizeGolongan(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestGolongansAreOrderedAndAllHavePangkat(t *testing.T) {
	if len(Golongans) != 17 || Golongans[0] != "I/a" || Golongans[16] != "IV/e" {
		t.Fatalf("Golongans = %v", Golongans)
	}
	for _, g := range Golongans {
		if Pangkat(g) == "" {
			t.Errorf("Pangkat(%q) is empty", g)
		}
		if n, err := NormalizeGolongan(g); err != nil || n != g {
			t.Errorf("NormalizeGolongan(%q) = %q, %v", g, n, err)
		}
	}
}

func TestPangkat(t *testing.T) {
	tests := []struct{ gol, want string }{
		{"I/a", "Juru Muda"}, {"II/b", "Pengatur Muda Tingkat I"}, {"III/c", "Penata"},
		{"III/d", "Penata Tingkat I"}, {"IV/c", "Pembina Utama Muda"}, {"IV/e", "Pembina Utama"},
		{"3c", ""}, {"", ""},
	}
	for _, tt := range tests {
		if got := Pangkat(tt.gol); got != tt.want {
			t.Errorf("Pangkat(%q) = %q, want %q", tt.gol, got, tt.want)
		}
	}
}
