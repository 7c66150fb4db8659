package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/term"
)

// launch is how the program was started, as far as it decides what the
// program does when it is given no arguments.
type launch struct {
	system      string // runtime.GOOS
	interactive bool   // standard input and output are a terminal or a console window
	ownConsole  bool   // Windows: the console window was opened for this program alone
	byExplorer  bool   // Windows: the parent process is Explorer
	siteHere    bool   // the working folder holds config.toml
	inHome      bool   // the working folder is the user's home folder
	exeDir      string // the program's own folder
	siteBeside  bool   // exeDir holds config.toml
}

// currentLaunch finds out how this process was started.
func currentLaunch() launch {
	l := launch{system: runtime.GOOS, ownConsole: ownConsole()}
	l.byExplorer = l.ownConsole && startedByExplorer()
	// Not /dev/null, a pipe or a file: a script that reads the output
	// is no double-click.
	l.interactive = term.IsTerminal(int(os.Stdin.Fd())) && term.IsTerminal(int(os.Stdout.Fd()))
	l.siteHere = isFile("config.toml")
	if home, err := os.UserHomeDir(); err == nil {
		l.inHome = sameDir(".", home)
	}
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

// sameDir reports whether a and b are the same folder.
func sameDir(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// byClick reports whether a program given the arguments args was started
// by a double-click on its icon in the folder of a site: it then previews
// that site and opens the browser (clickArgs), where a build would write
// public/ and close the window before anyone could read it. That is a
// program without arguments, in a console window or terminal (standard
// input and output), beside a config.toml, and either
//   - on Windows, with a console window of its own and Explorer as its
//     parent (Explorer starts it in its folder; Task Scheduler, a service
//     or a CI agent also give it a console of its own, and must build), or
//   - on macOS, in the home folder, which holds no site (Finder starts it
//     in a new Terminal window there).
//
// Linux file managers start a program in its own folder, or without a
// terminal: it builds. Run without arguments in a terminal in a site's
// folder, or by a script, it builds the site as always; a server that
// nobody stops is never started for a script.
func (l launch) byClick(args []string) bool {
	if len(args) != 0 || !l.interactive || !l.siteBeside {
		return false
	}
	switch l.system {
	case "windows":
		return l.ownConsole && l.byExplorer
	case "darwin":
		return l.inHome && !l.siteHere
	}
	return false
}

// clickArgs are the arguments of a program started by a double-click.
func (l launch) clickArgs() []string { return []string{"serve", "-open", "-root", l.exeDir} }

// keepOpen reports whether the window of a program given args must wait
// for Enter before it closes, when the program has ended with a problem:
// a console window of its own closes with the program, before its
// message is read. Only for Explorer's window: a console of its own that
// Task Scheduler or a service opened has nobody to press Enter.
func (l launch) keepOpen(args []string) bool {
	return len(args) == 0 && l.ownConsole && l.byExplorer && l.interactive
}

// waitForEnter prints prompt and waits for a line (or the end) of in.
func waitForEnter(out io.Writer, in io.Reader, prompt string) {
	io.WriteString(out, prompt+"\n")
	bufio.NewReader(in).ReadString('\n')
}
