package core_test

import (
	"context"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// Every write must carry the installation's device id (SYNC.md), and the id
// must survive a restart.
func TestWritesAreStampedWithAPersistentDeviceID(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c, err := core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	device := c.Store.Device
	if device == "" {
		t.Fatal("no device id after open")
	}
	if c.Store.Actor == "" {
		t.Error("no actor for the audit trail")
	}
	u := domain.Unit{Name: "Bidang Uji"}
	if err := c.Store.SaveUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	if u.UpdatedByDevice != device {
		t.Errorf("unit stamped with device %q, want %q", u.UpdatedByDevice, device)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.Store.Device != device {
		t.Errorf("device id changed across restarts: %q then %q", device, c.Store.Device)
	}
	got, err := c.Store.GetUnit(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.UpdatedByDevice != device {
		t.Errorf("stored unit has device %q, want %q", got.UpdatedByDevice, device)
	}
}
