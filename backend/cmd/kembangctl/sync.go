package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	ksync "kembang/backend/sync"
)

// cmdEnrol: kembangctl enrol --server URL --code CODE [--name NAME] [--allow-http]
func cmdEnrol(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("enrol", g)
	serverURL := fs.String("server", "", "server address, https://…")
	code := fs.String("code", "", "one-time enrolment code from the central admin")
	name := fs.String("name", "", "name of this laptop as the server lists it")
	allowHTTP := fs.Bool("allow-http", false, "allow plain http to a host that is not this computer")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *serverURL == "" || *code == "" {
		return usageErr("enrol: --server URL and --code CODE are required")
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
	res, err := cl.Enrol(ctx, *serverURL, *code, *name, *allowHTTP)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintf(stdout, "enrolled as device %s of office %s (%s)\n", res.DeviceID, res.Office.Name, res.Office.ID)
	return nil
}

// cmdSync runs one round (push, then pull) and prints what it did and the
// status. Exit code 1 when the round failed.
func cmdSync(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("sync", g)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
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
	rep, roundErr := cl.SyncOnce(ctx)
	st, err := cl.Status(ctx)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	issues, err := cl.Issues(ctx, false)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if *asJSON {
		out := struct {
			OK     bool          `json:"ok"`
			Report ksync.Report  `json:"report"`
			Status ksync.Status  `json:"status"`
			Issues []ksync.Issue `json:"issues"`
		}{roundErr == nil, rep, st, issues}
		if out.Issues == nil {
			out.Issues = []ksync.Issue{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "pushed %d (applied %d, duplicate %d, rejected %d, conflicts %d), pulled %d in %d pages\n",
			rep.Pushed, rep.Applied, rep.Duplicates, rep.Rejected, rep.Conflicts, rep.Pulled, rep.Pages)
		if rep.Resets > 0 {
			fmt.Fprintf(stdout, "the server asked for a new snapshot (restored or new epoch); %d rows it lacked sent again\n", rep.Requeued)
		}
		fmt.Fprintf(stdout, "state %s, pending %d, open issues %d\n", st.State, st.Pending, st.Issues)
		if st.LastSuccess != nil {
			fmt.Fprintf(stdout, "last successful sync %s\n", st.LastSuccess.Local().Format("2006-01-02 15:04:05"))
		}
		for _, is := range issues {
			fmt.Fprintf(stdout, "issue %s %s %s/%s %s %s\n", is.Kind, is.Code, is.Entity, is.EntityID, is.Field, is.CreatedAt.Format("2006-01-02 15:04"))
		}
	}
	if roundErr != nil {
		return &exitError{code: 1, err: roundErr}
	}
	return nil
}
