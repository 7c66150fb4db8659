package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/serve"
)

// cmdServe runs the preview; with -open, open opens it in the browser
// once it is served.
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, open func(url string) error) int {
	fs := newFlags("serve", stderr, getenv)
	root := fs.String("root", ".", "site root: config.toml, content/, templates/")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on, on this computer only unless another is given")
	out := fs.String("out", "", "folder to write the preview to (default: none, the preview is kept in memory)")
	nowFlag := fs.String("now", "", "a fixed notion of now: RFC 3339 or YYYY-MM-DD (default: the clock at every rebuild)")
	openFlag := fs.Bool("open", false, "open the preview in the default browser once it is served (on another port when -addr is taken)")
	langFlag := fs.String("lang", "", "language of the messages: sv or en (default: from LC_ALL, LC_MESSAGES or LANG, else on Windows the language Windows shows)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	lang, ok := messageLang("serve", *langFlag, stderr, getenv)
	if !ok || extraArgs("serve", fs, stderr, lang) {
		return exitUsage
	}
	now := time.Now
	if *nowFlag != "" || getenv("SOURCE_DATE_EPOCH") != "" {
		t, err := resolveNow(*nowFlag, getenv)
		if err != nil {
			sayErr(stderr, lang, "", err)
			return exitUsage
		}
		now = func() time.Time { return t }
	}
	opt := serve.Options{
		Root: *root, Addr: *addr, Out: *out, Now: now, Lang: lang,
		Logf: func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) },
	}
	if *openFlag {
		opt.AnyPort = true // nobody types the address of a preview opened for them
		opt.Ready = func(addr string) {
			url := serve.PreviewURL(addr)
			if err := open(url); err != nil {
				say(stderr, lang, diag.ServeNoBrowser, err, url)
			}
		}
	}
	err := serve.Run(ctx, opt)
	if err != nil {
		fmt.Fprintln(stderr, errText(err, lang))
		return exitProblems
	}
	return exitOK
}

// openBrowser opens url in the default browser (browserCommand, per
// system) without waiting for the browser to end.
func openBrowser(url string) error {
	cmd := browserCommand(url)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reaps the opener, which ends at once
	return nil
}
