package domain

// Codes of printing from the app and the CLI (core/print.go): which
// document, in which format, and the office keys that sign certificate
// codes. Stable like every code: the frontend and the CLI translate them.
const (
	CodePrintDocumentUnknown = "print.document_unknown" // detail "doc": not one of the printable documents
	CodePrintFormatInvalid   = "print.format_invalid"   // detail "format": e.g. xlsx for an IDP
	CodePrintNothing         = "print.nothing"          // detail "what": e.g. an event with no completed participant
	CodePrintFileInvalid     = "print.file_invalid"     // a path that is not a rendered document of this session

	CodeCertificateKeyInvalid  = "certificate.key_invalid"  // not a base64 Ed25519 public key, or its code does not match it
	CodeCertificateKeyConflict = "certificate.key_conflict" // detail "code": another key is already trusted under this code
	// CodeOfficeKeyUnreadable: this laptop's signing key exists but this
	// Windows user on this computer cannot read it (the database or a
	// backup was restored on another account or PC). Certificates cannot be
	// printed until the key is imported from a settings file exported with
	// the key, or a new key is made.
	CodeOfficeKeyUnreadable = "certificate.office_key_unreadable"
)
