package syncproto

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func TestCursorRoundTrip(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	c := Cursor{Epoch: "ep1", ChangeSeq: 42, Device: "dev-a"}
	got, err := DecodeCursor(c.Encode(secret), secret)
	if err != nil || got != c {
		t.Fatalf("round trip: got %+v, %v", got, err)
	}
	if got, err := DecodeCursor("", secret); err != nil || got != (Cursor{}) {
		t.Fatalf("empty cursor: got %+v, %v", got, err)
	}
}

func TestCursorTamperingIsDetected(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	enc := Cursor{Epoch: "ep1", ChangeSeq: 42, Device: "dev-a"}.Encode(secret)
	body, sig, _ := strings.Cut(enc, ".")
	forgedBody := base64.RawURLEncoding.EncodeToString([]byte(`{"e":"ep1","s":0,"d":"dev-a"}`))
	cases := map[string]string{
		"other secret":         Cursor{Epoch: "ep1", ChangeSeq: 42, Device: "dev-a"}.Encode([]byte("another secret")),
		"body changed":         forgedBody + "." + sig,
		"signature truncated":  body + "." + sig[:10],
		"no signature":         body,
		"garbage":              "not-a-cursor",
		"signature not base64": body + ".!!!",
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := DecodeCursor(s, secret); !errors.Is(err, ErrCursorInvalid) {
				t.Fatalf("DecodeCursor(%q) = %v, want ErrCursorInvalid", s, err)
			}
		})
	}
}
