package desktop_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"kembang/backend/desktop"
	"kembang/backend/domain"
)

func TestFormatError(t *testing.T) {
	t.Parallel()
	fields := domain.FieldErrors{{Field: "nip", Code: domain.CodeNIPLength, Value: "123"}, {Field: "name", Code: domain.CodeRequired}}
	tests := []struct {
		name    string
		err     error
		code    string
		message string
		details map[string]any
	}{
		{
			name:    "domain error keeps its code and details",
			err:     domain.E(domain.CodeNotFound, "employee.get", nil, "entity", "employee", "id", "x"),
			code:    domain.CodeNotFound,
			message: "employee.get: not_found entity=employee id=x",
			details: map[string]any{"entity": "employee", "id": "x"},
		},
		{
			name:    "wrapped domain error is found in the chain",
			err:     fmt.Errorf("open: %w", domain.E(domain.CodeDBLocked, "store.lock", errors.New("EAGAIN"))),
			code:    domain.CodeDBLocked,
			message: "open: store.lock: db.locked: EAGAIN",
		},
		{
			name:    "field errors become invalid with details.fields",
			err:     fields,
			code:    domain.CodeInvalid,
			message: "nip: nip.length; name: field.required",
			details: map[string]any{"fields": []domain.FieldError(fields)},
		},
		{
			name:    "field errors turned into an error keep details.fields",
			err:     fields.AsError("employee.save"),
			code:    domain.CodeInvalid,
			message: "employee.save: invalid fields=[{nip nip.length 123} {name field.required }]: nip: nip.length; name: field.required",
			details: map[string]any{"fields": []domain.FieldError(fields)},
		},
		{
			name:    "any other error is internal with its text",
			err:     errors.New("disk full"),
			code:    domain.CodeInternal,
			message: "disk full",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := desktop.FormatError(tt.err).(*desktop.ErrorDTO)
			if !ok || got == nil {
				t.Fatalf("FormatError returned %#v, want *ErrorDTO", desktop.FormatError(tt.err))
			}
			if got.Code != tt.code || got.Message != tt.message {
				t.Errorf("code, message = %q, %q; want %q, %q", got.Code, got.Message, tt.code, tt.message)
			}
			if !reflect.DeepEqual(got.Details, tt.details) {
				t.Errorf("details = %#v, want %#v", got.Details, tt.details)
			}
		})
	}
}

func TestFormatErrorOfNilIsNil(t *testing.T) {
	t.Parallel()
	if got := desktop.FormatError(nil); got != nil {
		t.Errorf("FormatError(nil) = %#v, want an untyped nil", got)
	}
}

func TestErrorDTOJSONShape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want string
	}{
		{domain.E(domain.CodeNotFound, "x", nil, "id", "7"), `{"code":"not_found","message":"x: not_found id=7","details":{"id":"7"}}`},
		{errors.New("boom"), `{"code":"internal","message":"boom"}`},
		{domain.FieldErrors{{Field: "email", Code: domain.CodeEmailInvalid, Value: "a@"}},
			`{"code":"invalid","message":"email: email.invalid","details":{"fields":[{"field":"email","code":"email.invalid","value":"a@"}]}}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(desktop.FormatError(tt.err))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.want {
			t.Errorf("JSON of %v = %s, want %s", tt.err, b, tt.want)
		}
	}
}
