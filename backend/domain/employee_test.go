package domain

import (
	"reflect"
	"strings"
	"testing"
)

func TestValidateEmployee(t *testing.T) {
	valid := func() Employee {
		return Employee{NIP: "19900101 201503 1 001", Name: " Ahmad  Yani ", Golongan: "3c"}
	}
	tests := []struct {
		name   string
		edit   func(e *Employee)
		want   FieldErrors
		expect func(t *testing.T, e Employee)
	}{
		{name: "valid employee is normalised and completed from the NIP", edit: func(e *Employee) {},
			expect: func(t *testing.T, e Employee) {
				want := Employee{NIP: "199001012015031001", Name: "Ahmad Yani", Golongan: "III/c", Gender: Male, BirthDate: "1990-01-01"}
				if !reflect.DeepEqual(e, want) {
					t.Errorf("got %+v, want %+v", e, want)
				}
			}},
		{name: "missing NIP and name are required", edit: func(e *Employee) { e.NIP, e.Name = " ", "" },
			want: FieldErrors{{Field: "nip", Code: CodeRequired}, {Field: "name", Code: CodeRequired}}},
		{name: "bad NIP keeps its code", edit: func(e *Employee) { e.NIP = "1990" },
			want: FieldErrors{{Field: "nip", Code: CodeNIPLength, Value: "1990"}}},
		{name: "name over 200 characters", edit: func(e *Employee) { e.Name = strings.Repeat("é", 201) },
			want: FieldErrors{{Field: "name", Code: CodeTooLong}}},
		{name: "unknown golongan", edit: func(e *Employee) { e.Golongan = "III/f" },
			want: FieldErrors{{Field: "golongan", Code: CodeGolonganInvalid, Value: "III/f"}}},
		{name: "gender word is normalised", edit: func(e *Employee) { e.Gender = "laki-laki" },
			expect: func(t *testing.T, e Employee) {
				if e.Gender != Male {
					t.Errorf("gender = %q", e.Gender)
				}
			}},
		{name: "gender that is not L or P", edit: func(e *Employee) { e.Gender = "X" },
			want: FieldErrors{{Field: "gender", Code: CodeGenderInvalid, Value: "X"}}},
		{name: "gender contradicting the NIP", edit: func(e *Employee) { e.Gender = "P" },
			want: FieldErrors{{Field: "gender", Code: CodeGenderMismatch, Value: "P"}}},
		{name: "birth date contradicting the NIP", edit: func(e *Employee) { e.BirthDate = "1990-01-02" },
			want: FieldErrors{{Field: "birthDate", Code: CodeBirthMismatch, Value: "1990-01-02"}}},
		{name: "birth date not in YYYY-MM-DD", edit: func(e *Employee) { e.BirthDate = "01/01/1990" },
			want: FieldErrors{{Field: "birthDate", Code: CodeBirthInvalid, Value: "01/01/1990"}}},
		{name: "bad email and phone", edit: func(e *Employee) { e.Email, e.Phone = "ahmad@", "12-34" },
			want: FieldErrors{{Field: "email", Code: CodeEmailInvalid, Value: "ahmad@"}, {Field: "phone", Code: CodePhoneInvalid, Value: "12-34"}}},
		{name: "every problem is reported at once", edit: func(e *Employee) {
			*e = Employee{NIP: "x", Golongan: "Z", Gender: "Q", BirthDate: "kemarin", Email: "a b@c.d", Phone: "abc"}
		}, want: FieldErrors{
			{Field: "nip", Code: CodeNIPInvalid, Value: "x"}, {Field: "name", Code: CodeRequired},
			{Field: "golongan", Code: CodeGolonganInvalid, Value: "Z"}, {Field: "gender", Code: CodeGenderInvalid, Value: "Q"},
			{Field: "birthDate", Code: CodeBirthInvalid, Value: "kemarin"}, {Field: "email", Code: CodeEmailInvalid, Value: "a b@c.d"},
			{Field: "phone", Code: CodePhoneInvalid, Value: "abc"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := valid()
			tt.edit(&e)
			got := ValidateEmployee(&e)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ValidateEmployee = %#v, want %#v", got, tt.want)
			}
			if tt.expect != nil {
				tt.expect(t, e)
			}
		})
	}
}

func TestValidEmailAndPhone(t *testing.T) {
	emails := []struct {
		in string
		ok bool
	}{
		{"ahmad.yani@kemenkeu.go.id", true}, {"a@b.co", true}, {"ahmad", false}, {"@b.co", false},
		{"a@b", false}, {"a@b.", false}, {"a@@b.co", false}, {"Ahmad <a@b.co>", false}, {"a@b..co", false},
	}
	for _, tt := range emails {
		if got := ValidEmail(tt.in); got != tt.ok {
			t.Errorf("ValidEmail(%q) = %v, want %v", tt.in, got, tt.ok)
		}
	}
	phones := []struct {
		in string
		ok bool
	}{
		{"081234567890", true}, {"0812-3456-7890", true}, {"+62 812 3456 7890", true}, {"(0274) 123456", false},
		{"1234567", false}, {"1234567890123456", false}, {"0812+345678", false}, {"62812345678", true},
	}
	for _, tt := range phones {
		if got := ValidPhone(tt.in); got != tt.ok {
			t.Errorf("ValidPhone(%q) = %v, want %v", tt.in, got, tt.ok)
		}
	}
}
