package core_test

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/secret"
	"kembang/backend/secret/secrettest"
	"kembang/backend/store"
)

// The office signing key at rest: sealed for the Windows user (here a fake
// protector per account), its public half in the clear, and what a user
// meets when the database was restored on another account or computer.

const officeKeySetting = "report.office_key"

// openAs opens the workspace in dir as a Windows account; close it before
// opening the folder again.
func openAs(t *testing.T, dir, account string) *core.Core {
	t.Helper()
	var p secret.Protector = secret.Plain{}
	if account != "" {
		p = &secrettest.Protector{Account: account}
	}
	c, err := core.Open(context.Background(), store.Config{Dir: dir, Secrets: p})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func rawSetting(t *testing.T, c *core.Core, key string) string {
	t.Helper()
	v, _, err := c.Store.GetSetting(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestOfficeKeyFirstUseIsSealedAndStable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	c := openAs(t, dir, "alice")
	k, err := c.OfficeKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	raw := rawSetting(t, c, officeKeySetting)
	if !strings.HasPrefix(raw, secrettest.Scheme+":") || strings.Contains(raw, `"seed"`) {
		t.Fatalf("stored office key %q: want it sealed", raw)
	}
	_ = c.Close()
	c = openAs(t, dir, "alice")
	if again, err := c.OfficeKey(ctx); err != nil || again != k {
		t.Fatalf("after reopening: %+v, %v; want %+v", again, err, k)
	}
}

func TestOfficeKeyOnPlatformsWithoutProtectionIsMarkedPlain(t *testing.T) {
	t.Parallel()
	c := openAs(t, t.TempDir(), "")
	if _, err := c.OfficeKey(context.Background()); err != nil {
		t.Fatal(err)
	}
	if raw := rawSetting(t, c, officeKeySetting); !strings.HasPrefix(raw, "plain:{") {
		t.Fatalf("stored office key %q: want plain:<json>", raw)
	}
}

func TestLegacyOfficeKeyIsSealedInPlaceWhenTheWorkspaceOpens(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	seed := make([]byte, ed25519.SeedSize)
	seed[0] = 7
	pub := ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
	legacy, _ := json.Marshal(map[string]any{"code": core.KeyCode(pub), "seed": seed, "createdAt": "2026-01-02T03:04:05Z"})
	old := openAs(t, dir, "")
	// As a version before protection wrote it: unprefixed JSON.
	if err := old.Store.SetSetting(ctx, officeKeySetting, string(legacy)); err != nil {
		t.Fatal(err)
	}
	_ = old.Close()

	c := openAs(t, dir, "alice")
	raw := rawSetting(t, c, officeKeySetting)
	if !strings.HasPrefix(raw, secrettest.Scheme+":") || strings.Contains(raw, base64.StdEncoding.EncodeToString(seed)) {
		t.Fatalf("legacy key after opening: %q, want it sealed in place", raw)
	}
	k, err := c.OfficeKey(ctx)
	if err != nil || k.Code != core.KeyCode(pub) || k.PublicKey != base64.RawURLEncoding.EncodeToString(pub) {
		t.Fatalf("OfficeKey = %+v, %v; want the legacy key", k, err)
	}
}

// A database restored on another Windows account: printing certificates
// fails with its own code, the key is never replaced silently, verifying
// still knows the key, and importing the settings file exported with the
// key makes printing work again with the same key.
func TestOfficeKeyRestoredOnAnotherAccount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	alice := openAs(t, dir, "alice")
	if _, err := alice.LoadDemo(ctx, 30, 1); err != nil {
		t.Fatal(err)
	}
	v, _ := completedEvent(t, alice)
	req := core.PrintRequest{Doc: core.DocCertificates, EventID: v.Event.ID}
	if _, err := alice.Print(ctx, req); err != nil {
		t.Fatal(err)
	}
	key, _ := alice.OfficeKey(ctx)
	file, err := alice.ExportSettings(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	_ = alice.Close()

	bob := openAs(t, dir, "bob")
	sealedForAlice := rawSetting(t, bob, officeKeySetting)
	if _, err := bob.Print(ctx, req); !domain.IsCode(err, domain.CodeOfficeKeyUnreadable) {
		t.Fatalf("printing certificates as another account: %v, want %s", err, domain.CodeOfficeKeyUnreadable)
	}
	if _, err := bob.OfficeKey(ctx); !domain.IsCode(err, domain.CodeOfficeKeyUnreadable) {
		t.Fatalf("OfficeKey as another account: %v", err)
	}
	if _, err := bob.ExportSettings(ctx, true); !domain.IsCode(err, domain.CodeOfficeKeyUnreadable) {
		t.Fatalf("export with the key as another account: %v", err)
	}
	if _, err := bob.ExportSettings(ctx, false); err != nil {
		t.Fatalf("export without the key must still work: %v", err)
	}
	if got := rawSetting(t, bob, officeKeySetting); got != sealedForAlice {
		t.Fatal("the unreadable key was replaced")
	}
	keys, err := bob.TrustedKeys(ctx)
	if err != nil || len(keys) == 0 || !keys[0].Own || keys[0].Code != key.Code {
		t.Fatalf("trusted keys as another account: %+v, %v; want the own key from its public half", keys, err)
	}
	if pub, ok, err := core.StoredOfficeKey(ctx, bob.Store); err != nil || !ok || pub != key {
		t.Fatalf("StoredOfficeKey = %+v, %v, %v", pub, ok, err)
	}
	// Documents other than certificates do not need the key.
	if _, err := bob.Print(ctx, core.PrintRequest{Doc: core.DocAttendance, EventID: v.Event.ID}); err != nil {
		t.Fatalf("attendance list: %v", err)
	}

	res, err := bob.ImportSettings(ctx, file, true)
	if err != nil || !res.OfficeKey {
		t.Fatalf("import of the key: %+v, %v", res, err)
	}
	raw := rawSetting(t, bob, officeKeySetting)
	if raw == sealedForAlice || !strings.HasPrefix(raw, secrettest.Scheme+":") {
		t.Fatalf("imported key stored as %q: want it sealed again for this account", raw)
	}
	if got, err := bob.OfficeKey(ctx); err != nil || got != key {
		t.Fatalf("after import: %+v, %v; want the same key %+v", got, err, key)
	}
	if _, err := bob.Print(ctx, req); err != nil {
		t.Fatalf("printing after the import: %v", err)
	}
	keys, _ = bob.TrustedKeys(ctx)
	if len(keys) != 1 {
		t.Errorf("trusted keys after importing the same key: %+v", keys)
	}
}

func TestNewOfficeKeyReplacesOnlyAnUnreadableKeyAndKeepsTheOldTrusted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	alice := openAs(t, dir, "alice")
	old, err := alice.OfficeKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := alice.NewOfficeKey(ctx); !domain.IsCode(err, domain.CodeConflict) {
		t.Fatalf("NewOfficeKey with a readable key: %v, want conflict", err)
	}
	if k, _ := alice.OfficeKey(ctx); k != old {
		t.Fatal("a readable key was replaced")
	}
	_ = alice.Close()

	bob := openAs(t, dir, "bob")
	k, err := bob.NewOfficeKey(ctx)
	if err != nil || k.Code == old.Code {
		t.Fatalf("NewOfficeKey = %+v, %v", k, err)
	}
	if got, err := bob.OfficeKey(ctx); err != nil || got != k {
		t.Fatalf("OfficeKey after NewOfficeKey = %+v, %v", got, err)
	}
	keys, err := bob.TrustedKeys(ctx)
	if err != nil || len(keys) != 2 || !keys[0].Own || keys[0].Code != k.Code || keys[1].Code != old.Code || keys[1].PublicKey != old.PublicKey {
		t.Fatalf("trusted keys %+v, %v: want the new own key and the old one", keys, err)
	}
}

// The settings file carries the key in the clear (the user chose to carry
// it); the laptop that imports it seals it for its own user.
func TestSettingsFileCarriesTheKeyDecryptedAndImportSealsIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	alice := openAs(t, t.TempDir(), "alice")
	key, _ := alice.OfficeKey(ctx)
	data, err := alice.ExportSettings(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	var f core.SettingsFile
	if err := json.Unmarshal(data, &f); err != nil || f.OfficeKey == nil {
		t.Fatalf("settings file: %v, %+v", err, f.OfficeKey)
	}
	seed, err := base64.StdEncoding.DecodeString(f.OfficeKey.Seed)
	if err != nil || len(seed) != ed25519.SeedSize || core.KeyCode(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)) != key.Code {
		t.Fatalf("the file's seed is not the office key in the clear: %v", err)
	}

	carol := openAs(t, t.TempDir(), "carol")
	if _, err := carol.ImportSettings(ctx, data, true); err != nil {
		t.Fatal(err)
	}
	raw := rawSetting(t, carol, officeKeySetting)
	if !strings.HasPrefix(raw, secrettest.Scheme+":") || strings.Contains(raw, f.OfficeKey.Seed) {
		t.Fatalf("imported key stored as %q", raw)
	}
	if got, err := carol.OfficeKey(ctx); err != nil || got != key {
		t.Fatalf("OfficeKey after import = %+v, %v", got, err)
	}
}
