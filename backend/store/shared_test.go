package store

import (
	"context"
	"testing"

	"kembang/backend/domain"
)

// TestSharedOpen: a Shared open of a folder another Store holds works
// beside it (both write, each sees the other's rows), migrates nothing,
// and refuses a schema that would need migrating with db.locked; without
// a holder it is an ordinary open that takes the lock.
func TestSharedOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	holder, err := Open(ctx, Config{Dir: dir, Device: "serve"})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if holder.Unlocked() {
		t.Fatal("the first open runs without the lock")
	}
	if _, err := Open(ctx, Config{Dir: dir}); !domain.IsCode(err, domain.CodeDBLocked) {
		t.Fatalf("a second exclusive open: %v, want db.locked", err)
	}
	shared, err := Open(ctx, Config{Dir: dir, Device: "admin", Shared: true})
	if err != nil {
		t.Fatalf("shared open beside the holder: %v", err)
	}
	if !shared.Unlocked() {
		t.Fatal("the shared open claims the lock")
	}
	for _, s := range []*Store{holder, shared} {
		if err := s.SetSetting(ctx, "test."+s.Device, "1"); err != nil {
			t.Fatalf("%s writes: %v", s.Device, err)
		}
	}
	for _, s := range []*Store{holder, shared} {
		for _, key := range []string{"test.serve", "test.admin"} {
			if v, ok, err := s.GetSetting(ctx, key); err != nil || !ok || v != "1" {
				t.Fatalf("%s reads %s = %q %v %v", s.Device, key, v, ok, err)
			}
		}
	}
	if err := shared.Close(); err != nil {
		t.Fatal(err)
	}

	withFakeMigration(t, "209912310001_later")
	_, err = Open(ctx, Config{Dir: dir, Shared: true})
	if !domain.IsCode(err, domain.CodeDBLocked) {
		t.Fatalf("shared open of a schema that needs migrating: %v, want db.locked", err)
	}
	if got := appliedMigrations(t, dir+"/"+dbFileName); got[len(got)-1] == "209912310001_later" {
		t.Fatal("the shared open migrated under the holder")
	}
	if err := holder.Close(); err != nil {
		t.Fatal(err)
	}
	alone, err := Open(ctx, Config{Dir: dir, Shared: true})
	if err != nil {
		t.Fatalf("shared open with nobody holding: %v", err)
	}
	defer alone.Close()
	if alone.Unlocked() {
		t.Fatal("a shared open with nobody holding the folder runs without the lock")
	}
	if got := appliedMigrations(t, dir+"/"+dbFileName); got[len(got)-1] != "209912310001_later" {
		t.Fatalf("migrations %v: the open that holds the lock migrates", got)
	}
}
