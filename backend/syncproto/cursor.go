package syncproto

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// Cursor is where a device stands in the server's change feed. On the wire
// it is opaque: base64url(JSON) "." base64url(HMAC-SHA256), made and checked
// by the server with its secret. It names the device it was issued to, so a
// cursor copied from another device is refused like a forged one.
type Cursor struct {
	Epoch     string `json:"e"`
	ChangeSeq int64  `json:"s"`
	Device    string `json:"d"`
}

// ErrCursorInvalid is returned for a cursor that fails its MAC or format.
var ErrCursorInvalid = errors.New("syncproto: invalid cursor")

// Encode returns the opaque, MACed form of c.
func (c Cursor) Encode(secret []byte) string {
	body, _ := json.Marshal(c) // a struct of strings and an int cannot fail
	b := base64.RawURLEncoding.EncodeToString(body)
	return b + "." + base64.RawURLEncoding.EncodeToString(mac(secret, b))
}

// DecodeCursor checks the MAC of s and returns the cursor it carries. The
// empty string is the start of the feed (a first sync).
func DecodeCursor(s string, secret []byte) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	b, sig, ok := strings.Cut(s, ".")
	if !ok {
		return Cursor{}, ErrCursorInvalid
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, mac(secret, b)) {
		return Cursor{}, ErrCursorInvalid
	}
	body, err := base64.RawURLEncoding.DecodeString(b)
	if err != nil {
		return Cursor{}, ErrCursorInvalid
	}
	var c Cursor
	if err := json.Unmarshal(body, &c); err != nil || c.ChangeSeq < 0 || c.Epoch == "" {
		return Cursor{}, ErrCursorInvalid
	}
	return c, nil
}

func mac(secret []byte, msg string) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("kembang-cursor-v1\x00"))
	h.Write([]byte(msg))
	return h.Sum(nil)
}
