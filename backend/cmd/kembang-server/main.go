// Command kembang-server is Kembang's central sync server (SYNC.md).
//
//	kembang-server [--data-dir DIR | --db postgres://…] serve [--addr :8080]
//	kembang-server [db flags] office add NAME [--code CODE]
//	kembang-server [db flags] office list
//	kembang-server [db flags] enrol-code --office ID [--ttl 72h]
//	kembang-server [db flags] device list|revoke ID
//	kembang-server [db flags] framework publish [--note TEXT]
//	kembang-server [db flags] epoch new
//	kembang-server [db flags] bundle import FILE [--out DIR] [--office ID] [--json]
//	kembang-server [db flags] user add NAME --role admin|viewer   (password from stdin)
//	kembang-server [db flags] user passwd NAME                   (password from stdin)
//	kembang-server [db flags] user role NAME admin|viewer
//	kembang-server [db flags] user list
//	kembang-server [db flags] readmodel rebuild
//	kembang-server [db flags] cert-key add CODE PUBKEY [--office ID] | cert-key list
//	kembang-server [db flags] certificate revoke NUMBER [--reason TEXT]
//
// Without --db the server keeps an SQLite file in --data-dir (default
// ./kembang-server-data), so a pilot starts with no setup; the admin
// commands may run while serve holds the folder. With --db it uses
// PostgreSQL; several instances may serve one database.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"kembang/backend/framework"
	"kembang/backend/server"
	"kembang/backend/server/web"
	"kembang/backend/store"
)

const usage = `kembang-server — Kembang central sync server

Usage:
  kembang-server [--data-dir DIR | --db postgres://...] COMMAND [ARGS]

Commands:
  serve [--addr :8080] [--secure-cookies] [--trust-proxy] [--no-web]
                                    serve the sync API and the web dashboard until SIGINT/SIGTERM
  office add NAME [--code CODE]     create an office
  office list
  enrol-code --office ID [--ttl 72h] make a one-time enrolment code
  device list
  device revoke ID                  the device gets 401 from its next request
  framework publish [--note TEXT]   publish the built-in dictionary as the next framework version
  epoch new                         after restoring a backup: every laptop downloads a new snapshot
  bundle import FILE [--out DIR] [--office ID] [--json]
                                    apply a laptop's sync bundle (USB drive) and write its return bundle
  user add NAME --role admin|viewer a web dashboard user; the password is read from stdin
  user passwd NAME                  set a new password (stdin); ends the user's sessions
  user role NAME admin|viewer
  user list
  readmodel rebuild                 recompute the dashboards' tables from the synced rows
  cert-key add CODE PUBKEY [--office ID]   trust a certificate signing key (kembangctl office-key shows it)
  cert-key list
  certificate revoke NUMBER [--reason TEXT]  the public verification shows it as revoked
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// stdin is where user add/passwd read the password.
var stdin io.Reader = os.Stdin

type globals struct {
	dataDir string
	db      string
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	g := &globals{dataDir: "kembang-server-data"}
	fs := flag.NewFlagSet("kembang-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&g.dataDir, "data-dir", g.dataDir, "SQLite data folder (pilot)")
	fs.StringVar(&g.db, "db", os.Getenv("KEMBANG_SERVER_DB"), "PostgreSQL URL (production)")
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd := strings.Join(rest[:min(2, len(rest))], " "); {
	case rest[0] == "serve":
		err = cmdServe(ctx, g, rest[1:], stderr)
	case cmd == "office add":
		err = cmdOfficeAdd(ctx, g, rest[2:], stdout)
	case cmd == "office list":
		err = cmdOfficeList(ctx, g, stdout)
	case rest[0] == "enrol-code":
		err = cmdEnrolCode(ctx, g, rest[1:], stdout)
	case cmd == "device list":
		err = cmdDeviceList(ctx, g, stdout)
	case cmd == "device revoke":
		err = cmdDeviceRevoke(ctx, g, rest[2:], stdout)
	case cmd == "framework publish":
		err = cmdFrameworkPublish(ctx, g, rest[2:], stdout)
	case cmd == "bundle import":
		err = cmdBundleImport(ctx, g, rest[2:], stdout)
	case rest[0] == "user":
		err = cmdUser(ctx, g, rest[1:], stdin, stdout)
	case cmd == "cert-key add" || cmd == "cert-key list" || cmd == "certificate revoke":
		err = cmdCertificates(ctx, g, cmd, rest[2:], stdout)
	case cmd == "readmodel rebuild":
		err = withServer(ctx, g, func(s *server.Server) error {
			err := s.RebuildReadModel(ctx)
			if err == nil {
				fmt.Fprintln(stdout, "read model rebuilt")
			}
			return err
		})
	case cmd == "epoch new":
		err = withServer(ctx, g, func(s *server.Server) error {
			e, err := s.NewEpoch(ctx)
			if err == nil {
				fmt.Fprintln(stdout, "new epoch", e)
			}
			return err
		})
	default:
		fmt.Fprintf(stderr, "kembang-server: unknown command %q\n\n%s", strings.Join(rest, " "), usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "kembang-server:", err)
		var u usageError
		if errors.As(err, &u) {
			return 2
		}
		return 1
	}
	return 0
}

type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func (g *globals) config(log *slog.Logger) server.Config {
	if g.db != "" {
		return server.Config{Driver: store.DriverPostgres, DSN: g.db, Logger: log}
	}
	return server.Config{Driver: store.DriverSQLite, Dir: g.dataDir, Logger: log}
}

// withServer opens the database for one admin command. It may run while
// "serve" holds the same SQLite folder: the command then shares the
// database with it (no migration; writers wait on SQLite's busy timeout).
func withServer(ctx context.Context, g *globals, fn func(*server.Server) error) error {
	cfg := g.config(slog.New(slog.NewTextHandler(io.Discard, nil)))
	cfg.Shared = true
	s, err := server.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

func cmdServe(ctx context.Context, g *globals, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8080", "listen address")
	secure := fs.Bool("secure-cookies", false, "mark cookies Secure (behind a TLS proxy that sends no X-Forwarded-Proto)")
	trustProxy := fs.Bool("trust-proxy", false, "take client address and scheme from X-Forwarded-For/-Proto")
	noWeb := fs.Bool("no-web", false, "serve the sync API only")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	s, err := server.Open(ctx, g.config(log))
	if err != nil {
		return err
	}
	defer s.Close()
	s.TrustProxy = *trustProxy
	if !*noWeb {
		if _, err := web.Mount(s, web.Options{SecureCookies: *secure}); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := server.NewHTTPServer(*addr, s.Handler(), log)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	log.Info("serving", "addr", ln.Addr().String(), "postgres", g.db != "")
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func cmdOfficeAdd(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("office add", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("code", "", "office code")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		pos, args = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	if len(pos) != 1 {
		return usageError{"office add NAME [--code CODE]"}
	}
	return withServer(ctx, g, func(s *server.Server) error {
		o, err := s.AddOffice(ctx, pos[0], *code)
		if err == nil {
			fmt.Fprintf(stdout, "%s\t%s\n", o.ID, o.Name)
		}
		return err
	})
}

func cmdOfficeList(ctx context.Context, g *globals, stdout io.Writer) error {
	return withServer(ctx, g, func(s *server.Server) error {
		os, err := s.Offices(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tCODE\tNAME")
		for _, o := range os {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", o.ID, o.Code, o.Name)
		}
		return tw.Flush()
	})
}

func cmdEnrolCode(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("enrol-code", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	office := fs.String("office", "", "office id")
	ttl := fs.Duration("ttl", server.DefaultEnrolTTL, "validity")
	if err := fs.Parse(args); err != nil || *office == "" {
		return usageError{"enrol-code --office ID [--ttl 72h]"}
	}
	return withServer(ctx, g, func(s *server.Server) error {
		code, exp, err := s.NewEnrolCode(ctx, *office, *ttl)
		if err == nil {
			fmt.Fprintf(stdout, "%s\t(valid once, until %s)\n", code, exp.Format(time.RFC3339))
		}
		return err
	})
}

func cmdDeviceList(ctx context.Context, g *globals, stdout io.Writer) error {
	return withServer(ctx, g, func(s *server.Server) error {
		ds, err := s.Devices(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tOFFICE\tNAME\tCODE\tENROLLED\tREVOKED")
		for _, d := range ds {
			code := d.Code
			if code == "" {
				code = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%v\n", d.ID, d.OfficeID, d.Name, code, d.CreatedAt.Format(time.RFC3339), d.Revoked)
		}
		return tw.Flush()
	})
}

func cmdDeviceRevoke(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return usageError{"device revoke ID"}
	}
	return withServer(ctx, g, func(s *server.Server) error {
		err := s.RevokeDevice(ctx, args[0])
		if err == nil {
			fmt.Fprintln(stdout, "revoked", args[0])
		}
		return err
	})
}

func cmdFrameworkPublish(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("framework publish", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	note := fs.String("note", "", "note shown with the version")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	return withServer(ctx, g, func(s *server.Server) error {
		fv, err := s.PublishFramework(ctx, framework.BuiltIn(), *note)
		if err == nil {
			fmt.Fprintf(stdout, "published framework version %d (%d competencies)\n", fv.Number, len(fv.Competencies))
		}
		return err
	})
}

func cmdUser(ctx context.Context, g *globals, args []string, in io.Reader, stdout io.Writer) error {
	const use = "user add NAME --role admin|viewer | user passwd NAME | user role NAME ROLE | user list"
	if len(args) == 0 {
		return usageError{use}
	}
	readPassword := func() (string, error) {
		line, err := bufio.NewReader(in).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	withApp := func(fn func(a *web.App) error) error {
		return withServer(ctx, g, func(s *server.Server) error {
			a, err := web.New(s, web.Options{})
			if err != nil {
				return err
			}
			return fn(a)
		})
	}
	switch args[0] {
	case "add":
		fs := flag.NewFlagSet("user add", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		role := fs.String("role", "", "admin or viewer")
		var pos []string
		rest := args[1:]
		for {
			if err := fs.Parse(rest); err != nil {
				return usageError{err.Error()}
			}
			if fs.NArg() == 0 {
				break
			}
			pos, rest = append(pos, fs.Arg(0)), fs.Args()[1:]
		}
		if len(pos) != 1 || *role == "" {
			return usageError{"user add NAME --role admin|viewer (password on stdin)"}
		}
		pw, err := readPassword()
		if err != nil {
			return err
		}
		return withApp(func(a *web.App) error {
			u, err := a.AddUser(ctx, pos[0], pw, *role)
			if err == nil {
				fmt.Fprintf(stdout, "added %s (%s)\n", u.Username, u.Role)
			}
			return err
		})
	case "passwd":
		if len(args) != 2 {
			return usageError{"user passwd NAME (password on stdin)"}
		}
		pw, err := readPassword()
		if err != nil {
			return err
		}
		return withApp(func(a *web.App) error {
			err := a.SetPassword(ctx, args[1], pw)
			if err == nil {
				fmt.Fprintln(stdout, "password changed for", args[1])
			}
			return err
		})
	case "role":
		if len(args) != 3 {
			return usageError{"user role NAME admin|viewer"}
		}
		return withApp(func(a *web.App) error {
			err := a.SetRole(ctx, args[1], args[2])
			if err == nil {
				fmt.Fprintf(stdout, "%s is now %s\n", args[1], args[2])
			}
			return err
		})
	case "list":
		return withApp(func(a *web.App) error {
			us, err := a.Users(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "USERNAME\tROLE\tCREATED")
			for _, u := range us {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Username, u.Role, u.CreatedAt.Format(time.RFC3339))
			}
			return tw.Flush()
		})
	}
	return usageError{use}
}

func cmdCertificates(ctx context.Context, g *globals, cmd string, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	office := fs.String("office", "", "office id the key belongs to")
	reason := fs.String("reason", "", "why the certificate is revoked")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		pos, args = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	return withServer(ctx, g, func(s *server.Server) error {
		switch cmd {
		case "cert-key add":
			if len(pos) != 2 {
				return usageError{"cert-key add CODE PUBKEY [--office ID]"}
			}
			k, err := s.AddCertificateKey(ctx, server.CertificateKey{Code: pos[0], PublicKey: pos[1], OfficeID: *office, Source: "admin", AddedBy: "cli"})
			if err == nil {
				fmt.Fprintln(stdout, "trusted", k.Code)
			}
			return err
		case "cert-key list":
			ks, err := s.CertificateKeys(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CODE\tPUBLIC KEY\tOFFICE\tSOURCE\tADDED")
			for _, k := range ks {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", k.Code, k.PublicKey, k.OfficeID, k.Source, k.CreatedAt.Format(time.RFC3339))
			}
			return tw.Flush()
		default:
			if len(pos) != 1 {
				return usageError{"certificate revoke NUMBER [--reason TEXT]"}
			}
			err := s.RevokeCertificate(ctx, pos[0], *reason, "cli")
			if err == nil {
				fmt.Fprintln(stdout, "revoked", pos[0])
			}
			return err
		}
	})
}
