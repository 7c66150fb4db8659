//go:build !windows

package main

// ownConsole is false: only Windows opens a console window for a program
// of its own (console_windows.go); Finder and file managers start it in
// a terminal like any other.
func ownConsole() bool { return false }

// startedByExplorer is false: Explorer is Windows'.
func startedByExplorer() bool { return false }
