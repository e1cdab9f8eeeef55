package domain

import (
	"testing"
	"time"
)

var testNow = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

func TestParseNIP(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantCode string
		want     NIP
	}{
		{name: "18 digits", in: "199001012015031001",
			want: NIP{Digits: "199001012015031001", BirthDate: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), TMTYear: 2015, TMTMonth: 3, Gender: Male, Serial: "001"}},
		{name: "printed form with spaces and surrounding blanks", in: "  19740707 200212 2 008 ",
			want: NIP{Digits: "197407072002122008", BirthDate: time.Date(1974, 7, 7, 0, 0, 0, 0, time.UTC), TMTYear: 2002, TMTMonth: 12, Gender: Female, Serial: "008"}},
		{name: "non-breaking spaces copied from a document", in: "19740707\u00a0200212\u00a02\u00a0008",
			want: NIP{Digits: "197407072002122008", BirthDate: time.Date(1974, 7, 7, 0, 0, 0, 0, time.UTC), TMTYear: 2002, TMTMonth: 12, Gender: Female, Serial: "008"}},
		{name: "17 digits is a length error", in: "19900101201503100", wantCode: CodeNIPLength},
		{name: "19 digits is a length error", in: "1990010120150310011", wantCode: CodeNIPLength},
		{name: "empty is a length error", in: "", wantCode: CodeNIPLength},
		{name: "letters are invalid", in: "19900101201503100A", wantCode: CodeNIPInvalid},
		{name: "Excel scientific notation is invalid", in: "1.99001E+17", wantCode: CodeNIPInvalid},
		{name: "dashes are invalid", in: "19900101-201503-1-001", wantCode: CodeNIPInvalid},
		{name: "February 30 is not a birth date", in: "199002302015031001", wantCode: CodeNIPBirthDate},
		{name: "month 13 is not a birth date", in: "199013012015031001", wantCode: CodeNIPBirthDate},
		{name: "birth before 1900", in: "189912312015031001", wantCode: CodeNIPBirthDate},
		{name: "birth in the future", in: "203001012050031001", wantCode: CodeNIPBirthDate},
		{name: "leap day in a leap year is fine", in: "200002292024031001",
			want: NIP{Digits: "200002292024031001", BirthDate: time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC), TMTYear: 2024, TMTMonth: 3, Gender: Male, Serial: "001"}},
		{name: "leap day in a common year is not", in: "199902292024031001", wantCode: CodeNIPBirthDate},
		{name: "TMT month 00", in: "199001012015001001", wantCode: CodeNIPTMT},
		{name: "TMT month 13", in: "199001012015131001", wantCode: CodeNIPTMT},
		{name: "TMT before birth", in: "199001011989031001", wantCode: CodeNIPTMT},
		{name: "TMT in the birth month", in: "199001011990011001", wantCode: CodeNIPTMT},
		{name: "gender digit 3", in: "199001012015033001", wantCode: CodeNIPGender},
		{name: "gender digit 0", in: "199001012015030001", wantCode: CodeNIPGender},
		{name: "serial 000 (digits lost to an Excel number)", in: "199001012015031000", wantCode: CodeNIPSerial},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNIPAt(tt.in, testNow)
			if tt.wantCode != "" {
				if !IsCode(err, tt.wantCode) {
					t.Fatalf("ParseNIPAt(%q) error = %v, want code %s", tt.in, err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseNIPAt(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseNIPAt(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseNIPLengthErrorReportsDigitCount(t *testing.T) {
	_, err := ParseNIPAt("1990 0101", testNow)
	var e *Error
	if !asError(err, &e) || e.Details["got"] != 8 {
		t.Fatalf("error = %#v, want details got=8", err)
	}
}

func TestFormatNIP(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"18 digits get the printed spacing", "197407072002121008", "19740707 200212 1 008"},
		{"wrong length is returned unchanged", "12345", "12345"},
		{"non-digits are returned unchanged", "19740707200212100X", "19740707200212100X"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatNIP(tt.in); got != tt.want {
				t.Errorf("FormatNIP(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	n, err := ParseNIPAt("19740707 200212 1 008", testNow)
	if err != nil || n.String() != "19740707 200212 1 008" {
		t.Errorf("NIP.String() = %q, %v", n.String(), err)
	}
}

func asError(err error, target **Error) bool {
	e, ok := err.(*Error)
	if ok {
		*target = e
	}
	return ok
}
