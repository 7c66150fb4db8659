package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/serve"
)

// cmdServe runs the preview; with -open, open opens it in the browser
// once it is served.
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, open func(url string) error) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "site root: config.toml, content/, templates/")
	addr := fs.String("addr", serve.DefaultAddr, "address to listen on (loopback by default)")
	out := fs.String("out", "", "folder to write the preview to (default: none, the preview is kept in memory)")
	nowFlag := fs.String("now", "", "a fixed notion of now: RFC 3339 or YYYY-MM-DD (default: the clock at every rebuild)")
	openFlag := fs.Bool("open", false, "open the preview in the default browser once it is served (on another port when -addr is taken)")
	if fs.Parse(args) != nil {
		return exitUsage
	}
	lang := envLang(getenv)
	if extraArgs("serve", fs, stderr, lang) {
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
			url := previewURL(addr)
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

// previewURL is the address of the preview served at addr, as a browser
// on this machine opens it: an address that listens on every interface
// is opened on loopback (0.0.0.0 or no host, ":1313", on 127.0.0.1; :: on
// ::1, since it may listen on IPv6 alone).
func previewURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/"
	}
	switch ip := net.ParseIP(host); {
	case host == "" || ip != nil && ip.IsUnspecified() && ip.To4() != nil:
		host = "127.0.0.1" // every address: this machine's is one of them
	case ip != nil && ip.IsUnspecified():
		host = "::1" // every IPv6 address, perhaps IPv6 alone
	}
	// A link-local address's zone (fe80::1%en0) is written %25 in a URL.
	host = strings.ReplaceAll(host, "%", "%25")
	return "http://" + net.JoinHostPort(host, port) + "/"
}
