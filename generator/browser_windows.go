package main

import "os/exec"

// browserCommand opens url in the default browser through the shell's
// handler of URLs, without a console window of its own.
func browserCommand(url string) *exec.Cmd {
	return exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
}
