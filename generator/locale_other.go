//go:build !windows

package main

// systemLocale returns "": on macOS and Linux a terminal sets LANG.
func systemLocale() string { return "" }
