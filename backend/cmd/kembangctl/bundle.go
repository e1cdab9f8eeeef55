package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"kembang/backend/domain"
	ksync "kembang/backend/sync"
	"kembang/backend/syncproto"
)

// Sentences for sync by file, merged into messages.go's catalogue.
var bundleMessages = map[string][2]string{ // code → {id, en}
	"bundle_written":  {"Berkas sinkronisasi tersimpan: %s (%d perubahan, %d bita).", "Sync bundle saved: %s (%d changes, %d bytes)."},
	"bundle_receipt":  {"Tanda terima (cetak dan sertakan): %s", "Receipt (print it and send it along): %s"},
	"bundle_sha":      {"Sidik SHA-256: %s", "SHA-256 fingerprint: %s"},
	"bundle_enrol":    {"Berkas ini juga mendaftarkan laptop dengan kode pendaftaran.", "This bundle also enrols the laptop with the enrolment code."},
	"bundle_applied":  {"Berkas balasan diterapkan: %d hasil kiriman (diterapkan %d, duplikat %d, ditolak %d, konflik %d), %d perubahan diterima.", "Return bundle applied: %d results (applied %d, duplicate %d, rejected %d, conflicts %d), %d changes received."},
	"bundle_enrolled": {"Laptop terdaftar sebagai perangkat %s di kantor %s.", "The laptop is enrolled as device %s of office %s."},
	"bundle_current":  {"Perubahan dari pusat dalam berkas ini sudah ada di laptop.", "The laptop already holds the central changes in this bundle."},
	"bundle_gap":      {"Perubahan dari pusat tidak diterapkan (%s); ekspor berkas baru untuk menerimanya.", "Central changes were not applied (%s); export a new bundle to receive them."},

	syncproto.CodeBundleDamaged:         {"berkas rusak, terpotong, atau bukan berkas sinkronisasi Kembang; tidak ada yang diubah. Salin ulang berkasnya.", "The file is damaged, cut short, or not a Kembang sync bundle; nothing was changed. Copy the file again."},
	syncproto.CodeBundleSignature:       {"tanda tangan berkas tidak cocok: berkas diubah setelah ditandatangani; tidak ada yang diubah.", "The bundle signature does not match: the file was changed after it was signed; nothing was changed."},
	syncproto.CodeBundleWrongKind:       {"jenis berkas salah: laptop mengimpor berkas balasan dari pusat, server mengimpor berkas dari laptop.", "Wrong kind of bundle: the laptop imports return bundles from the centre, the server imports bundles from laptops."},
	syncproto.CodeBundleReplayed:        {"berkas ini sudah pernah diimpor; tidak ada yang diubah.", "This bundle was imported before; nothing was changed."},
	syncproto.CodeBundleOlder:           {"berkas ini lebih lama dari berkas yang sudah diimpor (yang lebih baru sudah memuat isinya); tidak ada yang diubah.", "This bundle is older than one already imported (the newer one holds its contents); nothing was changed."},
	syncproto.CodeBundleOtherDevice:     {"berkas balasan ini untuk laptop lain; tidak ada yang diubah.", "This return bundle is for another laptop; nothing was changed."},
	syncproto.CodeBundleOtherOffice:     {"berkas ini dari perangkat kantor lain; tidak ada yang diubah.", "This bundle comes from a device of another office; nothing was changed."},
	syncproto.CodeBundleUnknown:         {"perangkat belum terdaftar dan berkas tidak memuat kode pendaftaran; tidak ada yang diubah.", "The device is not enrolled and the bundle carries no enrolment code; nothing was changed."},
	syncproto.CodeBundleEnrolInvalid:    {"kode pendaftaran dalam berkas tidak dikenal, sudah dipakai, atau kedaluwarsa; minta kode baru ke admin pusat.", "The enrolment code in the bundle is unknown, used or expired; ask the central admin for a new one."},
	syncproto.CodeBundleDeviceCodeTaken: {"kode perangkat laptop ini sudah dipakai laptop lain yang masih aktif di kantor yang sama; tidak ada yang diubah. Ganti kode perangkat di pengaturan pengembangan, atau minta admin pusat mencabut perangkat lama bila laptop ini menggantikannya, lalu ekspor berkas baru.", "This laptop's device code is already used by another live laptop of the same office; nothing was changed. Change the device code in the development settings, or ask the central admin to revoke the old device if this laptop replaces it, then export a new bundle."},
	syncproto.CodeDeviceCodeTaken:       {"kode perangkat %v sudah dipakai laptop lain yang masih aktif di kantor ini; pendaftaran tidak dilakukan dan kode pendaftaran masih berlaku. Ganti kode perangkat di pengaturan pengembangan, atau minta admin pusat mencabut perangkat lama bila laptop ini menggantikannya, lalu daftar lagi.", "Device code %v is already used by another live laptop of this office; the laptop was not enrolled and the enrolment code is still valid. Change the device code in the development settings, or ask the central admin to revoke the old device if this laptop replaces it, then enrol again."},
	syncproto.CodeBundleKeyMismatch:     {"berkas ditandatangani kunci yang bukan milik perangkat ini; tidak ada yang diubah.", "The bundle is signed with a key that is not this device's; nothing was changed."},
	syncproto.CodeBundleRevoked:         {"perangkat ini sudah dicabut di server pusat; berkasnya tidak diterima.", "This device was revoked on the central server; its bundles are not accepted."},
	syncproto.CodeBundleServerKey:       {"berkas balasan tidak dapat dipastikan berasal dari server pusat laptop ini; tidak ada yang diubah.", "The return bundle cannot be shown to come from this laptop's central server; nothing was changed."},
	syncproto.CodeBundleNeedsCode:       {"laptop belum terdaftar: berikan kode pendaftaran sekali pakai dengan --code KODE untuk berkas pertama.", "The laptop is not enrolled: give the one-time enrolment code with --code CODE for its first bundle."},
	syncproto.CodeBundleNotOurs:         {"berkas balasan ini menjawab berkas yang tidak pernah dibuat laptop ini; tidak ada yang diubah.", "This return bundle answers a bundle this laptop never wrote; nothing was changed."},
}

func init() {
	for code, m := range bundleMessages {
		catalogue[code] = m
	}
}

// bundleExit is the exit code of a bundle error: 1 for a refused bundle,
// 2 for usage, file and database errors.
func bundleExit(err error) error {
	code := domain.ErrorCode(err)
	var be *syncproto.BundleError
	if errors.As(err, &be) {
		code = be.Code
	}
	if strings.HasPrefix(code, "bundle.") && code != syncproto.CodeBundleNeedsCode {
		return &exitError{code: 1, err: err}
	}
	return &exitError{code: 2, err: err}
}

// cmdBundle: kembangctl bundle export DIR [--code CODE] [--name NAME] [--no-receipt] [--json]
//
//	kembangctl bundle import FILE [--json]
func cmdBundle(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("bundle", g)
	asJSON := fs.Bool("json", false, "print JSON")
	code := fs.String("code", "", "one-time enrolment code (first bundle of a laptop that is not enrolled)")
	name := fs.String("name", "", "name of this laptop as the server lists it")
	noReceipt := fs.Bool("no-receipt", false, "do not write the PDF receipt")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || (pos[0] != "export" && pos[0] != "import") {
		return usageErr("bundle: expected `bundle export DIR` or `bundle import FILE` (see kembangctl --help)")
	}
	var data []byte
	if pos[0] == "import" {
		if data, err = os.ReadFile(pos[1]); err != nil {
			return usageErr("bundle import: %v", err)
		}
	} else if st, err := os.Stat(pos[1]); err != nil || !st.IsDir() {
		return usageErr("bundle export: %s is not a folder", pos[1])
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	cl, err := ksync.New(ctx, c.Store)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	fail := func(err error) error {
		if *asJSON {
			_ = enc.Encode(map[string]any{"ok": false, "code": domain.ErrorCode(err), "message": describe(g.lang, err)})
		}
		return bundleExit(err)
	}
	if pos[0] == "export" {
		res, err := cl.ExportBundle(ctx, pos[1], ksync.ExportOptions{Code: *code, DeviceName: *name, NoReceipt: *noReceipt})
		if err != nil {
			return fail(err)
		}
		if *asJSON {
			return enc.Encode(struct {
				OK bool `json:"ok"`
				*ksync.ExportResult
			}{true, res})
		}
		fmt.Fprintln(stdout, fmt.Sprintf(msg(g.lang, "bundle_written"), res.Path, res.Manifest.Counts.Mutations, res.Size))
		if res.Receipt != "" {
			fmt.Fprintln(stdout, fmt.Sprintf(msg(g.lang, "bundle_receipt"), res.Receipt))
		}
		fmt.Fprintln(stdout, fmt.Sprintf(msg(g.lang, "bundle_sha"), res.FileSHA256))
		if res.Manifest.EnrolMAC != "" {
			fmt.Fprintln(stdout, msg(g.lang, "bundle_enrol"))
		}
		return nil
	}
	res, err := cl.ImportReturn(ctx, data)
	if err != nil {
		return fail(err)
	}
	if *asJSON {
		return enc.Encode(struct {
			OK bool `json:"ok"`
			*ksync.ReturnResult
		}{true, res})
	}
	r := res.Report
	fmt.Fprintln(stdout, fmt.Sprintf(msg(g.lang, "bundle_applied"), res.Acknowledged, r.Applied, r.Duplicates, r.Rejected, r.Conflicts, r.Pulled))
	if res.Enrolled {
		fmt.Fprintln(stdout, fmt.Sprintf(msg(g.lang, "bundle_enrolled"), res.Manifest.DeviceID, res.Manifest.Office.Name))
	}
	switch res.PullSkipped {
	case "":
	case "current":
		fmt.Fprintln(stdout, msg(g.lang, "bundle_current"))
	default:
		fmt.Fprintln(stdout, fmt.Sprintf(msg(g.lang, "bundle_gap"), res.PullSkipped))
	}
	return nil
}
