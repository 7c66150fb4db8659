package main

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// ownConsole reports whether the console window was opened for this
// process alone, as Windows Explorer opens one for a program started by
// a double-click; in a terminal (cmd.exe, PowerShell, Windows Terminal)
// the shell shares the console. GetConsoleProcessList is not wrapped by
// x/sys/windows.
func ownConsole() bool {
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
