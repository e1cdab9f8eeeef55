package desktop

import (
	"errors"

	"kembang/backend/domain"
)

// ErrorDTO is what the frontend receives for a failed call: a stable code it
// translates, a developer-facing message and details (field, row, value).
type ErrorDTO struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Details map[string]any `json:"details,omitempty"`
}

// FormatError turns any error into an ErrorDTO; used as Wails' ErrorFormatter.
// A nil error gives an untyped nil, not a nil *ErrorDTO inside an interface
// (which would compare != nil).
func FormatError(err error) any {
	if err == nil {
		return nil
	}
	return toDTO(err)
}

func toDTO(err error) *ErrorDTO {
	if err == nil {
		return nil
	}
	var e *domain.Error
	if errors.As(err, &e) {
		return &ErrorDTO{Code: e.Code, Message: err.Error(), Details: e.Details}
	}
	var fe domain.FieldErrors
	if errors.As(err, &fe) {
		return &ErrorDTO{Code: domain.CodeInvalid, Message: err.Error(), Details: map[string]any{"fields": []domain.FieldError(fe)}}
	}
	return &ErrorDTO{Code: domain.CodeInternal, Message: err.Error()}
}
