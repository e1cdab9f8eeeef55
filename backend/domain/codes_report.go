package domain

// Codes used by the printed documents (backend/report) and the offline
// verification of certificate QR codes. They sit beside the codes in
// errors.go and are just as stable: the frontend and the CLI translate
// them, so never rename one.
const (
	CodeReportRenderFailed = "report.render_failed" // the PDF or xlsx engine failed
	CodeReportInputInvalid = "report.input_invalid" // detail "field": e.g. no signatory, three signatories
	CodeReportImageInvalid = "report.image_invalid" // logo, background or signature is not a readable PNG/JPEG

	CodeCertificateCodeInvalid      = "certificate.code_invalid"      // not a Kembang verification code (truncated, mistyped, other version)
	CodeCertificateSignatureInvalid = "certificate.signature_invalid" // well-formed, but a field or the signature was changed
	CodeCertificateUnknownOffice    = "certificate.unknown_office"    // signed by an office whose public key is not known here
)
