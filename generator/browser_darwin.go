package main

import "os/exec"

// browserCommand opens url in the default browser with open(1).
func browserCommand(url string) *exec.Cmd { return exec.Command("open", url) }
