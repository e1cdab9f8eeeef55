package syncproto

// Sync by file (bundles) for offices without any link.
//
// A bundle is one file carried on a USB drive. The laptop writes a changes
// bundle (its pending outbox, signed with its Ed25519 device key); the
// central admin imports it with `kembang-server bundle import`, which runs
// the very same Push and Pull as the HTTP API and writes a return bundle
// (the push results and the office's pull pages since the laptop's cursor,
// signed with the server's Ed25519 key); the laptop imports that.
//
// File layout: one JSON object (the envelope)
//
//	{"format":"kembang-bundle/1","manifest":{…},"payload":"<base64 gzip JSON>","signature":"<base64>"}
//
// The signature is Ed25519 over SignedBytes(manifest): a fixed prefix and
// the manifest bytes exactly as stored. The manifest names the SHA-256 and
// size of the compressed payload, so changing any byte of the manifest
// breaks the signature and changing any byte of the payload breaks the
// hash; a truncated file is not a complete JSON object. Readers verify all
// of this before they look at the payload.
//
// Identity (see docs/API.md, "Sync by file"):
//
//   - Every laptop has an Ed25519 device key, made on first use and kept in
//     its settings. Every changes bundle carries the public key.
//   - A laptop that never had a link enrols by file: its bundles carry
//     EnrolMAC = HMAC-SHA256(key = SHA-256 hex of the one-time code as the
//     server stores it, msg = "kembang-bundle-enrol-v1\x00" + device key).
//     The code itself never travels. The server finds the code among its
//     open ones, enrols a new device bound to the key and answers with the
//     device id and its office.
//   - A laptop enrolled online proves its credential once: KeyProof =
//     HMAC-SHA256(key = SHA-256 hex of its token, msg =
//     "kembang-device-key-v1\x00" + device id + "\x00" + device key). The
//     server, which stores exactly that hash, registers the key.
//   - Later bundles are verified against the registered key only.
//   - Return bundles are signed by the server key. The laptop pins that key
//     on its first return bundle, and only when ServerKeyProof = HMAC-SHA256
//     (same secret hash as above: the code's for file enrolment, the token's
//     for online enrolment; msg = "kembang-server-key-v1\x00" + device id +
//     "\x00" + server key) checks out, so whoever copies a bundle from the
//     drive can neither enrol nor forge a return bundle.

import (
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// BundleFormat names the envelope version.
const BundleFormat = "kembang-bundle/1"

// Bundle kinds.
const (
	BundleChanges = "changes" // laptop → central
	BundleReturn  = "return"  // central → laptop
)

// BundleExt is the file name extension of bundles.
const BundleExt = ".kembang"

// MaxBundleBytes bounds a bundle file and its decompressed payload.
const MaxBundleBytes = 512 << 20

// Bundle error codes. Every refusal changes nothing; the code says why.
const (
	CodeBundleDamaged         = "bundle.damaged"           // not a bundle, truncated, or the payload does not match its hash
	CodeBundleSignature       = "bundle.signature"         // the signature does not match: the file was changed after signing
	CodeBundleWrongKind       = "bundle.wrong_kind"        // a return bundle given to the server, or a changes bundle to the laptop
	CodeBundleReplayed        = "bundle.replayed"          // this very bundle was imported before
	CodeBundleOlder           = "bundle.older"             // a newer bundle of the same device was imported already
	CodeBundleOtherDevice     = "bundle.other_device"      // a return bundle made for another laptop
	CodeBundleOtherOffice     = "bundle.other_office"      // the device belongs to another office
	CodeBundleUnknown         = "bundle.unknown"           // the device is not enrolled and the bundle carries no valid enrolment
	CodeBundleEnrolInvalid    = "bundle.enrol_invalid"     // the enrolment code is unknown, used or expired
	CodeBundleDeviceCodeTaken = "bundle.device_code_taken" // another live laptop of the office has the bundle's device code
	CodeBundleKeyMismatch     = "bundle.key_mismatch"      // signed with a key that is not the device's registered key
	CodeBundleRevoked         = "bundle.revoked"           // the device was revoked
	CodeBundleServerKey       = "bundle.server_key"        // the return bundle's server key cannot be trusted
	CodeBundleNeedsCode       = "bundle.needs_code"        // a laptop without enrolment must give the one-time code for its first bundle
	CodeBundleNotOurs         = "bundle.not_ours"          // a return bundle answering a bundle this laptop never wrote
)

// BundleCounts says what a bundle holds.
type BundleCounts struct {
	Mutations  int            `json:"mutations"`
	ByEntity   map[string]int `json:"byEntity,omitempty"`
	Applied    int            `json:"applied,omitempty"` // return bundles: push results
	Duplicates int            `json:"duplicates,omitempty"`
	Rejected   int            `json:"rejected,omitempty"`
	Conflicts  int            `json:"conflicts,omitempty"`
	Changes    int            `json:"changes,omitempty"` // return bundles: pulled rows
	Pages      int            `json:"pages,omitempty"`
}

// BundleRange is the span of the mutations of a changes bundle.
type BundleRange struct {
	FirstMutation string     `json:"firstMutation,omitempty"`
	LastMutation  string     `json:"lastMutation,omitempty"`
	From          *time.Time `json:"from,omitempty"`
	To            *time.Time `json:"to,omitempty"`
}

// BundleManifest is the signed description of a bundle.
type BundleManifest struct {
	Kind      string    `json:"kind"`
	ID        string    `json:"id"`  // UUIDv7 of this file
	Seq       int64     `json:"seq"` // the laptop's bundle number (a return bundle: the number it answers)
	CreatedAt time.Time `json:"createdAt"`
	Office    Office    `json:"office"` // changes: the laptop's office as it knows it; return: the device's office
	DeviceID  string    `json:"deviceId,omitempty"`
	// DeviceKey is the laptop's Ed25519 public key, base64.
	DeviceKey  string `json:"deviceKey"`
	DeviceName string `json:"deviceName,omitempty"`
	// DeviceCode is the laptop's device code, recorded when the bundle
	// enrols it (changes bundles).
	DeviceCode string `json:"deviceCode,omitempty"`
	// EnrolMAC enrols a laptop without a device id (changes bundles).
	EnrolMAC string `json:"enrolMac,omitempty"`
	// KeyProof registers the key of a device enrolled online (changes bundles).
	KeyProof string `json:"keyProof,omitempty"`
	// Cursor is where the laptop stands in the change feed (changes) or
	// where the return bundle leaves it (return).
	Cursor string `json:"cursor"`
	// Return bundles.
	InReplyTo      string `json:"inReplyTo,omitempty"`
	FromCursor     string `json:"fromCursor,omitempty"`
	Reset          bool   `json:"reset,omitempty"` // the feed restarted: the pages are a new snapshot
	ServerKey      string `json:"serverKey,omitempty"`
	ServerKeyProof string `json:"serverKeyProof,omitempty"`

	Counts        BundleCounts `json:"counts"`
	Range         BundleRange  `json:"range"`
	PayloadSHA256 string       `json:"payloadSha256"`
	PayloadSize   int64        `json:"payloadSize"`
}

// ChangesPayload is what a changes bundle carries.
type ChangesPayload struct {
	Mutations []Mutation `json:"mutations"`
}

// ReturnPayload is what a return bundle carries: one result per mutation of
// the bundle it answers, in its order, and the pull pages as Pull made them.
type ReturnPayload struct {
	Results []Result   `json:"results"`
	Pages   []PullPage `json:"pages"`
}

type envelope struct {
	Format    string          `json:"format"`
	Manifest  json.RawMessage `json:"manifest"`
	Payload   string          `json:"payload"`
	Signature string          `json:"signature"`
}

// BundleError is a refused bundle. Details fill the message.
type BundleError struct {
	Code    string
	Message string
}

func (e *BundleError) Error() string { return e.Code + ": " + e.Message }

func bundleErr(code, format string, args ...any) error {
	return &BundleError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// SignedBytes is what the bundle signature covers.
func SignedBytes(manifest []byte) []byte {
	return append([]byte("kembang-bundle-sig-v1\x00"), manifest...)
}

// WriteBundle compresses payload, completes m (payload hash and size) and
// returns the signed file.
func WriteBundle(m BundleManifest, payload any, key ed25519.PrivateKey) ([]byte, error) {
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err := json.NewEncoder(zw).Encode(payload); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(z.Bytes())
	m.PayloadSHA256 = hex.EncodeToString(sum[:])
	m.PayloadSize = int64(z.Len())
	mb, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	sig := ed25519.Sign(key, SignedBytes(mb))
	return json.Marshal(envelope{Format: BundleFormat, Manifest: mb, Payload: base64.StdEncoding.EncodeToString(z.Bytes()),
		Signature: base64.StdEncoding.EncodeToString(sig)})
}

// OpenedBundle is a bundle whose envelope and payload hash were checked;
// its signature is checked by Verify with the key the reader trusts.
type OpenedBundle struct {
	Manifest    BundleManifest
	manifestRaw []byte
	signature   []byte
	payload     []byte // compressed
	// FileSHA256 is the hash of the whole file, for receipts and logs.
	FileSHA256 string
}

// OpenBundle reads a bundle file: envelope, manifest and the payload hash.
// It does not check the signature (the reader picks the key): call Verify.
func OpenBundle(data []byte) (*OpenedBundle, error) {
	if len(data) > MaxBundleBytes {
		return nil, bundleErr(CodeBundleDamaged, "the file is larger than a bundle can be")
	}
	var env envelope
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&env); err != nil {
		return nil, bundleErr(CodeBundleDamaged, "not a Kembang bundle, or the file is cut short (%v)", err)
	}
	if dec.More() {
		return nil, bundleErr(CodeBundleDamaged, "extra data after the bundle")
	}
	if env.Format != BundleFormat {
		return nil, bundleErr(CodeBundleDamaged, "not a Kembang bundle (format %q)", env.Format)
	}
	var m BundleManifest
	if err := json.Unmarshal(env.Manifest, &m); err != nil {
		return nil, bundleErr(CodeBundleDamaged, "unreadable manifest (%v)", err)
	}
	sig, err := base64.StdEncoding.DecodeString(env.Signature)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, bundleErr(CodeBundleSignature, "the signature is missing or malformed")
	}
	payload, err := base64.StdEncoding.DecodeString(env.Payload)
	if err != nil {
		return nil, bundleErr(CodeBundleDamaged, "the payload is not base64 (%v)", err)
	}
	sum := sha256.Sum256(payload)
	if int64(len(payload)) != m.PayloadSize || hex.EncodeToString(sum[:]) != m.PayloadSHA256 {
		return nil, bundleErr(CodeBundleSignature, "the payload does not match the signed manifest: the file was changed or cut")
	}
	fileSum := sha256.Sum256(data)
	return &OpenedBundle{Manifest: m, manifestRaw: env.Manifest, signature: sig, payload: payload, FileSHA256: hex.EncodeToString(fileSum[:])}, nil
}

// Verify checks the signature with pub (base64 Ed25519 public key).
func (b *OpenedBundle) Verify(pub string) error {
	k, err := DecodePublicKey(pub)
	if err != nil {
		return bundleErr(CodeBundleSignature, "the signing key is malformed")
	}
	if !ed25519.Verify(k, SignedBytes(b.manifestRaw), b.signature) {
		return bundleErr(CodeBundleSignature, "the signature does not match: the bundle was changed after it was signed, or signed by another key")
	}
	return nil
}

// Payload decodes the (verified) payload into v.
func (b *OpenedBundle) Payload(v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(b.payload))
	if err != nil {
		return bundleErr(CodeBundleDamaged, "the payload is not compressed data (%v)", err)
	}
	defer zr.Close()
	if err := json.NewDecoder(io.LimitReader(zr, MaxBundleBytes)).Decode(v); err != nil {
		return bundleErr(CodeBundleDamaged, "the payload cannot be read (%v)", err)
	}
	return nil
}

// EncodePublicKey is the text form of a public key.
func EncodePublicKey(k ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(k) }

// DecodePublicKey reads the text form of a public key.
func DecodePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, errors.New("syncproto: invalid public key")
	}
	return ed25519.PublicKey(b), nil
}

// SecretHash is how the server stores a secret (a device token, a
// normalised enrolment code): SHA-256, hex. Both sides compute it.
func SecretHash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// NormaliseCode accepts codes as people type them: any case, with or
// without dashes and spaces.
func NormaliseCode(code string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == ' ':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, code)
}

func macHex(key string, parts ...string) string {
	h := hmac.New(sha256.New, []byte(key))
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// EnrolMAC binds a device key to an enrolment code (codeHash = SecretHash
// of the normalised code).
func EnrolMAC(codeHash, deviceKey string) string {
	return macHex(codeHash, "kembang-bundle-enrol-v1", deviceKey)
}

// KeyProof binds a device key to an online credential (tokenHash =
// SecretHash of the token).
func KeyProof(tokenHash, deviceID, deviceKey string) string {
	return macHex(tokenHash, "kembang-device-key-v1", deviceID, deviceKey)
}

// ServerKeyProof binds the server key to a device, keyed by the device's
// enrolment secret hash (the code's or the token's).
func ServerKeyProof(secretHash, deviceID, serverKey string) string {
	return macHex(secretHash, "kembang-server-key-v1", deviceID, serverKey)
}

// MACEqual compares two MACs in constant time.
func MACEqual(a, b string) bool { return hmac.Equal([]byte(a), []byte(b)) }

// PeekCursor reads a cursor without checking its MAC: a laptop uses it on
// its own stored cursors to compare positions (the server checks MACs).
func PeekCursor(s string) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	b, _, ok := strings.Cut(s, ".")
	if !ok {
		return Cursor{}, ErrCursorInvalid
	}
	body, err := base64.RawURLEncoding.DecodeString(b)
	if err != nil {
		return Cursor{}, ErrCursorInvalid
	}
	var c Cursor
	if err := json.Unmarshal(body, &c); err != nil {
		return Cursor{}, ErrCursorInvalid
	}
	return c, nil
}
