//go:build windows

package secret_test

import (
	"errors"
	"strings"
	"testing"

	"kembang/backend/secret"
)

// These run on Windows (or under Wine: make secret-wine-test).

func TestDPAPIRoundTrip(t *testing.T) {
	p := secret.Default()
	if p.Scheme() != secret.SchemeDPAPI {
		t.Fatalf("Default scheme on Windows = %q", p.Scheme())
	}
	for _, plain := range []string{"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.Zm9vYmFy", `{"code":"ABCD2345","seed":"AAAA"}`, "x"} {
		stored, err := secret.Seal(p, plain)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(stored, "dpapi:v1:") || strings.Contains(stored, plain) {
			t.Fatalf("sealed %q as %q", plain, stored)
		}
		got, reseal, err := secret.Open(p, stored)
		if err != nil || got != plain || reseal {
			t.Fatalf("Open = %q, %v, %v; want %q", got, reseal, err, plain)
		}
	}
}

func TestDPAPIRefusesATamperedValue(t *testing.T) {
	p := secret.Default()
	sealed, err := p.Protect([]byte("device credential"))
	if err != nil {
		t.Fatal(err)
	}
	sealed[len(sealed)-1] ^= 0xff
	if _, err := p.Unprotect(sealed); err == nil {
		t.Fatal("a tampered DPAPI blob opened")
	}
	if _, _, err := secret.Open(p, "dpapi:v1:AAAA"); !errors.Is(err, secret.ErrUnreadable) {
		t.Fatalf("Open of a damaged blob = %v, want ErrUnreadable", err)
	}
}

func TestDPAPIUsesKembangsEntropy(t *testing.T) {
	// A blob sealed without Kembang's entropy (as another program of the
	// same user would) does not open as a Kembang secret.
	sealed, err := secret.ProtectWithoutEntropy([]byte("not ours"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := secret.Default().Unprotect(sealed); err == nil {
		t.Fatal("a blob sealed without the entropy opened")
	}
}
