// Package domain holds Kembang's entities and rules. It imports nothing
// outside the standard library, so every rule can be read and tested alone.
package domain

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Stable error codes. The frontend translates these through i18n; the backend
// never builds user-facing sentences from them (printed documents aside).
const (
	CodeInvalid           = "invalid"
	CodeNotFound          = "not_found"
	CodeConflict          = "conflict"
	CodeInternal          = "internal"
	CodeReadOnly          = "read_only"
	CodeNIPInvalid        = "nip.invalid"
	CodeNIPLength         = "nip.length"
	CodeNIPBirthDate      = "nip.birth_date"
	CodeNIPTMT            = "nip.tmt"
	CodeNIPGender         = "nip.gender"
	CodeNIPNumberCell     = "nip.number_cell"
	CodeNIPDuplicate      = "nip.duplicate"
	CodeNIPTaken          = "nip.taken"
	CodeGolonganInvalid   = "golongan.invalid"
	CodeRequired          = "field.required"
	CodeTooLong           = "field.too_long"
	CodeEmailInvalid      = "email.invalid"
	CodePhoneInvalid      = "phone.invalid"
	CodeGenderInvalid     = "gender.invalid"
	CodeGenderMismatch    = "gender.nip_mismatch"
	CodeBirthInvalid      = "birth_date.invalid"
	CodeBirthMismatch     = "birth_date.nip_mismatch"
	CodeLevelInvalid      = "level.invalid"
	CodeCompetencyCode    = "competency.code_invalid"
	CodeCompetencyTaken   = "competency.code_taken"
	CodeCompetencyBuiltin = "competency.builtin"
	CodePositionType      = "position.type_invalid"
	CodeJenjangInvalid    = "position.jenjang_invalid"
	CodeUnitCycle         = "unit.cycle"
	CodeVersionConflict   = "version.conflict"

	CodeImportHeaderMissing   = "import.header_missing"
	CodeImportHeaderDuplicate = "import.header_duplicate"
	CodeImportFileUnreadable  = "import.file_unreadable"
	CodeImportFileEmpty       = "import.file_empty"
	CodeImportRowInvalid      = "import.row_invalid"
	CodeImportUnknownFormat   = "import.unknown_format"

	CodeDBNewerVersion = "db.newer_version"
	CodeDBCorrupt      = "db.corrupt"
	CodeDBLocked       = "db.locked"
	CodeDBBackupFailed = "db.backup_failed"
)

// Error is Kembang's one error type: a stable machine code, the operation
// that failed, optional details for the UI (field, row, value) and the cause.
type Error struct {
	Code    string         `json:"code"`
	Op      string         `json:"op,omitempty"`
	Details map[string]any `json:"details,omitempty"`
	Err     error          `json:"-"`
}

// E builds an *Error. details are key/value pairs: E(CodeRequired, "employee.save", nil, "field", "name").
func E(code, op string, cause error, details ...any) *Error {
	e := &Error{Code: code, Op: op, Err: cause}
	if len(details) > 0 {
		e.Details = make(map[string]any, len(details)/2)
		for i := 0; i+1 < len(details); i += 2 {
			e.Details[fmt.Sprint(details[i])] = details[i+1]
		}
	}
	return e
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(e.Code)
	if len(e.Details) > 0 {
		keys := make([]string, 0, len(e.Details))
		for k := range e.Details {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, " %s=%v", k, e.Details[k])
		}
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the code of the first *Error in err's chain, CodeInternal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// IsCode reports whether err carries code.
func IsCode(err error, code string) bool { return ErrorCode(err) == code }

// FieldErrors collects validation problems of one record so the UI can show
// every problem at once instead of the first.
type FieldErrors []FieldError

// FieldError is one problem with one field.
type FieldError struct {
	Field string `json:"field"`
	Code  string `json:"code"`
	Value string `json:"value,omitempty"`
}

func (fe FieldErrors) Error() string {
	parts := make([]string, len(fe))
	for i, f := range fe {
		parts[i] = f.Field + ": " + f.Code
	}
	return strings.Join(parts, "; ")
}

// AsError returns nil when there are no problems, otherwise an *Error with
// code CodeInvalid whose details hold the list under "fields".
func (fe FieldErrors) AsError(op string) error {
	if len(fe) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Op: op, Details: map[string]any{"fields": []FieldError(fe)}, Err: fe}
}
