package secret_test

import (
	"errors"
	"strings"
	"testing"

	"kembang/backend/secret"
	"kembang/backend/secret/secrettest"
)

func TestOpenReadsEveryStoredForm(t *testing.T) {
	alice := &secrettest.Protector{Account: "alice"}
	sealedForAlice, err := secret.Seal(alice, "dev-1.token")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		p          secret.Protector
		stored     string
		want       string
		wantReseal bool
		unreadable bool
	}{
		{name: "legacy credential <uuid>.<token> reads as plain text and asks to be resealed", p: alice,
			stored: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.Zm9vYmFyLWJhejEyMw", want: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.Zm9vYmFyLWJhejEyMw", wantReseal: true},
		{name: "legacy office key JSON (colons inside) reads as plain text", p: alice,
			stored: `{"code":"ABCD2345","seed":"AAAA","createdAt":"2026-01-02T03:04:05Z"}`, want: `{"code":"ABCD2345","seed":"AAAA","createdAt":"2026-01-02T03:04:05Z"}`, wantReseal: true},
		{name: "legacy device key hex reads as plain text", p: secret.Plain{},
			stored: "00ff10ab", want: "00ff10ab", wantReseal: true},
		{name: "plain value on a platform without protection stays as it is", p: secret.Plain{},
			stored: "plain:dev-1.token", want: "dev-1.token"},
		{name: "plain value on a platform that protects asks to be resealed", p: alice,
			stored: "plain:dev-1.token", want: "dev-1.token", wantReseal: true},
		{name: "plain value keeps its colons", p: secret.Plain{},
			stored: "plain:a:v1:b", want: "a:v1:b"},
		{name: "sealed value opens for the account that sealed it", p: alice,
			stored: sealedForAlice, want: "dev-1.token"},
		{name: "sealed value of another account is unreadable", p: &secrettest.Protector{Account: "bob"},
			stored: sealedForAlice, unreadable: true},
		{name: "value sealed on Windows is unreadable where nothing protects", p: secret.Plain{},
			stored: "dpapi:v1:AQAAANCMnd8BFdERjHoAwE", unreadable: true},
		{name: "unknown scheme version is unreadable, never taken as plain text", p: alice,
			stored: "fake:v2:YWxpY2UAeA==", unreadable: true},
		{name: "damaged base64 is unreadable", p: alice,
			stored: "fake:v1:not base64!", unreadable: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reseal, err := secret.Open(tt.p, tt.stored)
			if tt.unreadable {
				if !errors.Is(err, secret.ErrUnreadable) {
					t.Fatalf("Open = %q, %v; want ErrUnreadable", got, err)
				}
				return
			}
			if err != nil || got != tt.want || reseal != tt.wantReseal {
				t.Fatalf("Open = %q, reseal %v, %v; want %q, reseal %v", got, reseal, err, tt.want, tt.wantReseal)
			}
		})
	}
}

func TestSealNamesTheSchemeAndHidesThePlaintext(t *testing.T) {
	p := &secrettest.Protector{Account: "alice"}
	stored, err := secret.Seal(p, "dev-1.token")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stored, secrettest.Scheme+":") || strings.Contains(stored, "dev-1.token") {
		t.Errorf("sealed value %q: want the %s prefix and no plaintext", stored, secrettest.Scheme)
	}
	if s := secret.Scheme(stored); s != secrettest.Scheme {
		t.Errorf("Scheme = %q", s)
	}
	plain, err := secret.Seal(secret.Plain{}, "dev-1.token")
	if err != nil || plain != "plain:dev-1.token" {
		t.Errorf("Seal(Plain) = %q, %v", plain, err)
	}
	if s := secret.Scheme("0190a1b2.tok"); s != "" {
		t.Errorf("Scheme of a legacy value = %q, want empty", s)
	}
}

func TestSealReportsAProtectorThatRefuses(t *testing.T) {
	_, err := secret.Seal(&secrettest.Protector{Account: "alice", FailProtect: true}, "x")
	if err == nil || !strings.Contains(err.Error(), secrettest.Scheme) {
		t.Fatalf("Seal with a refusing protector = %v, want an error naming the scheme", err)
	}
}
