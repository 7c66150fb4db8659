//go:build !windows && !darwin

package main

import "os/exec"

// browserCommand opens url in the desktop's default browser with
// xdg-open(1) (Linux and the BSDs).
func browserCommand(url string) *exec.Cmd { return exec.Command("xdg-open", url) }
