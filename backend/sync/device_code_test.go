package sync_test

import (
	"errors"
	"testing"

	"kembang/backend/domain"
	"kembang/backend/server"
	"kembang/backend/syncproto"
)

// devicesState summarises what an enrolment could change.
func devicesState(t *testing.T, srv *testServer) string {
	t.Helper()
	var devs []string
	must(t, srv.DB.Table("devices").Order("id").Pluck("id || ':' || office_id || ':' || code || ':' || "+
		"CASE WHEN revoked THEN 'r' ELSE '' END", &devs).Error)
	var used int64
	must(t, srv.DB.Table("enrol_codes").Where("used").Count(&used).Error)
	return serverState(t, srv) + " " + itoa(int(used)) + " " + itoa(len(devs)) + " " + joinStrings(devs)
}

func joinStrings(ss []string) string {
	out := ""
	for _, s := range ss {
		out += s + ";"
	}
	return out
}

func deviceCodeOf(t *testing.T, srv *testServer, deviceID string) string {
	t.Helper()
	var code string
	must(t, srv.DB.Table("devices").Select("code").Where("id = ?", deviceID).Scan(&code).Error)
	return code
}

// TestDeviceCodeUniqueAtEnrolment: a laptop's device code (part of its
// certificate numbers) is recorded at enrolment and must be unique among
// the live devices of its office. An enrolment with a taken code, online
// or by bundle, is refused with its own code and changes nothing (the
// enrolment code stays usable); the same code in another office, the code
// of a revoked device, and the laptop enrolling again are accepted.
func TestDeviceCodeUniqueAtEnrolment(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			offices := srv.setup(t, "Kantor A", "Kantor B")
			l1 := newLaptop(t, "L1")
			setDeviceCode(t, l1, "AB1")
			l1.enrol(t, srv, offices[0].ID, srv.URL)
			if c := deviceCodeOf(t, srv, deviceID(t, l1)); c != "AB1" {
				t.Fatalf("device code recorded: %q", c)
			}

			// A second laptop of the office with the same code.
			l2 := newLaptop(t, "L2")
			setDeviceCode(t, l2, "AB1")
			code, _, err := srv.NewEnrolCode(bg(), offices[0].ID, 0)
			must(t, err)
			before := devicesState(t, srv)
			_, err = l2.client.Enrol(bg(), srv.URL, code, "L2", false)
			if domain.ErrorCode(err) != syncproto.CodeDeviceCodeTaken {
				t.Fatalf("enrolment with a taken device code: %v", err)
			}
			var de *domain.Error
			if !asDomain(err, &de) || de.Details["deviceCode"] != "AB1" {
				t.Fatalf("the error does not name the device code: %#v", err)
			}
			if after := devicesState(t, srv); after != before {
				t.Fatalf("a refused enrolment changed the server:\n%s\n%s", before, after)
			}
			if deviceID(t, l2) != "" {
				t.Fatal("a refused enrolment stored a device id on the laptop")
			}
			// With its own code, the same enrolment code works.
			setDeviceCode(t, l2, "AB2")
			_, err = l2.client.Enrol(bg(), srv.URL, code, "L2", false)
			must(t, err)
			l2.office = offices[0].ID
			if c := deviceCodeOf(t, srv, deviceID(t, l2)); c != "AB2" {
				t.Fatalf("device code recorded: %q", c)
			}
			// Enrolling again (a new credential) keeps the laptop's code.
			old := deviceID(t, l2)
			l2.enrol(t, srv, offices[0].ID, srv.URL)
			if deviceID(t, l2) == old || deviceCodeOf(t, srv, deviceID(t, l2)) != "AB2" || deviceCodeOf(t, srv, old) != "" {
				t.Fatalf("re-enrolment: new %s %q, old %s %q", deviceID(t, l2), deviceCodeOf(t, srv, deviceID(t, l2)), old, deviceCodeOf(t, srv, old))
			}
			// Another office may use the code.
			b1 := newLaptop(t, "B1")
			setDeviceCode(t, b1, "AB1")
			b1.enrol(t, srv, offices[1].ID, srv.URL)

			// By bundle: refused the same way, nothing changes.
			l3 := newLaptop(t, "L3")
			setDeviceCode(t, l3, "AB1")
			local, err := l3.core.Store.LocalOffice(bg())
			must(t, err)
			must(t, l3.core.Store.SaveUnit(bg(), &domain.Unit{OfficeID: local.ID, Name: "Bidang A"}))
			code3, _, err := srv.NewEnrolCode(bg(), offices[0].ID, 0)
			must(t, err)
			path := exportBundle(t, l3, code3)
			before = devicesState(t, srv)
			if _, err := srv.ImportBundle(bg(), readFile(t, path), server.BundleImportOptions{}); refusalCode(err) != syncproto.CodeBundleDeviceCodeTaken {
				t.Fatalf("bundle enrolment with a taken device code: %v", err)
			}
			if after := devicesState(t, srv); after != before {
				t.Fatalf("a refused bundle changed the server:\n%s\n%s", before, after)
			}
			// Once the old device is revoked (this laptop replaces it), the
			// same bundle enrols and takes over the code.
			must(t, srv.RevokeDevice(bg(), deviceID(t, l1)))
			r := serverImport(t, srv, path, server.BundleImportOptions{})
			if !r.Enrolled || deviceCodeOf(t, srv, r.DeviceID) != "AB1" {
				t.Fatalf("bundle after revoking the holder: %+v", r)
			}
		})
	}
}

func asDomain(err error, target **domain.Error) bool { return errors.As(err, target) }
