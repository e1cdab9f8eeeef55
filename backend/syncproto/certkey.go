package syncproto

// PathCertificateKey is where a laptop registers the public key it signs
// certificates with (device authenticated; the server binds the key to
// the device's office). The answer to a good request is 200 with the key
// as stored; 400 certificate.key_invalid when the code is not the key's
// own; 409 certificate.key_conflict when the code is bound to another key
// or office.
const PathCertificateKey = "/v1/certificate-key"

// CertificateKeyRequest is the body of POST PathCertificateKey.
type CertificateKeyRequest struct {
	Code      string `json:"code"`      // the key code (core.KeyCode of the key)
	PublicKey string `json:"publicKey"` // Ed25519 public key, base64url without padding
}

// HeaderPending is an optional request header in which a laptop reports
// how many mutations wait in its outbox after its push (kinds the server
// does not accept yet, edits made during the round); the central
// dashboard shows it per device.
const HeaderPending = "Kembang-Pending"
