package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/term"
)

// launch is how the program was started, as far as it decides what the
// program does when it is given no arguments.
type launch struct {
	interactive bool   // standard input is a terminal or a console window
	ownConsole  bool   // Windows: the console window was opened for this program alone
	siteHere    bool   // the working folder holds config.toml
	exeDir      string // the program's own folder
	siteBeside  bool   // exeDir holds config.toml
}

// currentLaunch finds out how this process was started.
func currentLaunch() launch {
	l := launch{ownConsole: ownConsole()}
	l.interactive = term.IsTerminal(int(os.Stdin.Fd())) // not /dev/null, a pipe or a file
	l.siteHere = isFile("config.toml")
	if exe, err := os.Executable(); err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			l.exeDir = filepath.Dir(exe)
			l.siteBeside = isFile(filepath.Join(l.exeDir, "config.toml"))
		}
	}
	return l
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// byClick reports whether a program given the arguments args was started
// by a double-click on its icon in the folder of a site: it then previews
// that site and opens the browser (clickArgs), where a build would write
// public/ and close the window before anyone could read it. That is a
// program without arguments, in a console window, beside a config.toml,
// and either with a console window of its own (Windows Explorer starts
// it in its folder) or in a folder without a site (macOS's Finder starts
// it in a new Terminal window in the home folder, as Linux file managers
// may). Run without arguments in a terminal in a site's folder, or by a
// script (no terminal), it builds the site as always.
func (l launch) byClick(args []string) bool {
	return len(args) == 0 && l.interactive && l.siteBeside && (l.ownConsole || !l.siteHere)
}

// clickArgs are the arguments of a program started by a double-click.
func (l launch) clickArgs() []string { return []string{"serve", "-open", "-root", l.exeDir} }

// keepOpen reports whether the window of a program given args must wait
// for Enter before it closes, when the program has ended with a problem:
// a console window of its own closes with the program, before its
// message is read.
func (l launch) keepOpen(args []string) bool { return len(args) == 0 && l.ownConsole && l.interactive }

// waitForEnter prints prompt and waits for a line (or the end) of in.
func waitForEnter(out io.Writer, in io.Reader, prompt string) {
	io.WriteString(out, prompt+"\n")
	bufio.NewReader(in).ReadString('\n')
}
