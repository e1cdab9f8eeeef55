package domain

import (
	"reflect"
	"strings"
	"testing"
)

func TestValidatePositionReportsEachProblem(t *testing.T) {
	tests := []struct {
		name string
		pos  Position
		want FieldErrors
	}{
		{"structural position with standards passes",
			Position{Name: "Kepala Bidang Mutasi dan Promosi", Type: Administrator, Standards: Standards{"M.1": 3, "SK.1": 3, "T.01": 4}}, nil},
		{"functional position with jenjang passes",
			Position{Name: "Analis SDM Aparatur Ahli Muda", Type: Fungsional, Jenjang: AhliMuda, Standards: Standards{"M.1": 2}}, nil},
		{"skill-track functional position passes",
			Position{Name: "Pranata Komputer Terampil", Type: Fungsional, Jenjang: Terampil}, nil},
		{"blank name is required",
			Position{Name: "  ", Type: Pelaksana}, FieldErrors{{Field: "name", Code: CodeRequired}}},
		{"name of 201 characters is too long",
			Position{Name: strings.Repeat("x", 201), Type: Pelaksana}, FieldErrors{{Field: "name", Code: CodeTooLong}}},
		{"code of 33 characters is too long",
			Position{Code: strings.Repeat("1", 33), Name: "Pengadministrasi Perkantoran", Type: Pelaksana}, FieldErrors{{Field: "code", Code: CodeTooLong}}},
		{"missing type is required",
			Position{Name: "Sekretaris"}, FieldErrors{{Field: "type", Code: CodeRequired}}},
		{"label instead of type code is invalid",
			Position{Name: "Kepala Badan", Type: "JPT Pratama"}, FieldErrors{{Field: "type", Code: CodePositionType, Value: "JPT Pratama"}}},
		{"functional position without jenjang is required",
			Position{Name: "Arsiparis", Type: Fungsional}, FieldErrors{{Field: "jenjang", Code: CodeRequired}}},
		{"functional position with unknown jenjang is invalid",
			Position{Name: "Arsiparis Ahli", Type: Fungsional, Jenjang: "ahli"}, FieldErrors{{Field: "jenjang", Code: CodeJenjangInvalid, Value: "ahli"}}},
		{"structural position with a jenjang is invalid",
			Position{Name: "Kepala Subbagian Umum dan Kepegawaian", Type: Pengawas, Jenjang: AhliMuda}, FieldErrors{{Field: "jenjang", Code: CodeJenjangInvalid, Value: "ahli_muda"}}},
		{"required level 0 names the competency",
			Position{Name: "Sekretaris", Type: Administrator, Standards: Standards{"M.1": 3, "M.2": 0}}, FieldErrors{{Field: "standards", Code: CodeLevelInvalid, Value: "M.2"}}},
		{"required level 6 names the competency",
			Position{Name: "Sekretaris", Type: Administrator, Standards: Standards{"T.01": 6}}, FieldErrors{{Field: "standards", Code: CodeLevelInvalid, Value: "T.01"}}},
		{"bad levels are reported in code order",
			Position{Name: "Sekretaris", Type: Administrator, Standards: Standards{"M.8": 9, "M.1": -1, "M.5": 7}},
			FieldErrors{
				{Field: "standards", Code: CodeLevelInvalid, Value: "M.1"},
				{Field: "standards", Code: CodeLevelInvalid, Value: "M.5"},
				{Field: "standards", Code: CodeLevelInvalid, Value: "M.8"},
			}},
		{"standard keyed by a malformed code is invalid",
			Position{Name: "Sekretaris", Type: Administrator, Standards: Standards{"M 1": 3}}, FieldErrors{{Field: "standards", Code: CodeCompetencyCode, Value: "M 1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.pos
			got := ValidatePosition(&p)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ValidatePosition() = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestValidatePositionNormalises(t *testing.T) {
	p := Position{Code: " 001 ", Name: "  Analis SDM Aparatur Ahli Pertama ", Type: " fungsional", Jenjang: "ahli_pertama "}
	if errs := ValidatePosition(&p); errs != nil {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if p.Code != "001" || p.Name != "Analis SDM Aparatur Ahli Pertama" || p.Type != Fungsional || p.Jenjang != AhliPertama {
		t.Errorf("fields not trimmed: %+v", p)
	}
	if p.Standards == nil {
		t.Error("nil Standards should become an empty map")
	}
}

func TestFieldErrorsBecomeOneCodedError(t *testing.T) {
	p := Position{Type: "eselon"}
	err := ValidatePosition(&p).AsError("position.save")
	if !IsCode(err, CodeInvalid) {
		t.Fatalf("code = %q, want %q", ErrorCode(err), CodeInvalid)
	}
	if !strings.Contains(err.Error(), "position.type_invalid") {
		t.Errorf("error text %q does not mention the field code", err.Error())
	}
}
