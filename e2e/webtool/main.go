// Command webtool helps the web dashboard's browser test do what a person
// would do by other means: make a fresh PostgreSQL schema for the server
// (and drop it), and sign a certificate with a laptop's own office key, as
// the laptop does when it prints certificates (the QR image of a printed
// certificate is not something a test can read back).
//
//	webtool pg-schema DSN           prints a DSN using a new schema
//	webtool pg-drop DSN             drops the schema named in DSN's search_path
//	webtool sign --data-dir LAPTOP --number N --name NAME --event EVENT --start D --end D --jp JP
package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"kembang/backend/core"
	"kembang/backend/report"
	"kembang/backend/store"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "webtool:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) < 1 {
		return fmt.Errorf("usage: webtool pg-schema DSN | pg-drop DSN | sign ...")
	}
	switch args[0] {
	case "pg-schema", "pg-drop":
		if len(args) != 2 {
			return fmt.Errorf("%s DSN", args[0])
		}
		return pg(args[0], args[1])
	case "sign":
		return sign(args[1:])
	}
	return fmt.Errorf("unknown command %q", args[0])
}

func pg(cmd, dsn string) error {
	u, err := url.Parse(dsn)
	if err != nil {
		return err
	}
	q := u.Query()
	schema := q.Get("search_path")
	q.Del("search_path")
	u.RawQuery = q.Encode()
	db, err := gorm.Open(postgres.Open(u.String()), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		return err
	}
	if cmd == "pg-drop" {
		if schema == "" {
			return fmt.Errorf("no search_path in DSN")
		}
		return db.Exec("DROP SCHEMA " + schema + " CASCADE").Error
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema = "kweb_" + hex.EncodeToString(b)
	if err := db.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		return err
	}
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	fmt.Println(u.String())
	return nil
}

func sign(args []string) error {
	fs := flag.NewFlagSet("sign", flag.ContinueOnError)
	dir := fs.String("data-dir", "", "laptop data folder")
	var c report.CertificateClaim
	fs.StringVar(&c.Number, "number", "", "")
	fs.StringVar(&c.NIP, "nip", "", "")
	fs.StringVar(&c.Name, "name", "", "")
	fs.StringVar(&c.Event, "event", "", "")
	fs.StringVar(&c.Start, "start", "", "")
	fs.StringVar(&c.End, "end", "", "")
	fs.Float64Var(&c.JP, "jp", 0, "")
	fs.StringVar(&c.Office, "office", "", "")
	fs.StringVar(&c.IssuedAt, "issued", "", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Dir: *dir, Actor: "webtool"})
	if err != nil {
		return err
	}
	defer st.Close()
	// The key as core keeps it (core/print.go "report.office_key"), sealed
	// at rest like every secret.
	raw, ok, err := st.GetSecret(ctx, "report.office_key")
	if err != nil || !ok {
		return fmt.Errorf("the laptop has no office key yet (kembangctl office-key makes one): %v", err)
	}
	var k struct {
		Seed []byte `json:"seed"`
	}
	if err := json.Unmarshal([]byte(raw), &k); err != nil || len(k.Seed) != ed25519.SeedSize {
		return fmt.Errorf("office key unreadable")
	}
	priv := ed25519.NewKeyFromSeed(k.Seed)
	code, err := report.SignCertificate(c, report.Signer{OfficeID: core.KeyCode(priv.Public().(ed25519.PublicKey)), Key: priv})
	if err != nil {
		return err
	}
	fmt.Println(code)
	return nil
}
