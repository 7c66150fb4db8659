package main

import (
	"os"
	"strings"
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

// startedByExplorer reports whether the parent process is Windows
// Explorer (explorer.exe), as for a double-click, also when Windows
// Terminal hosts the console: Task Scheduler, a service or a CI agent
// also give a console program a console of its own, but they are not
// Explorer (the check of cobra's mousetrap).
func startedByExplorer() bool {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return false
	}
	defer windows.CloseHandle(snap)
	ppid := uint32(os.Getppid())
	e := windows.ProcessEntry32{Size: uint32(unsafe.Sizeof(windows.ProcessEntry32{}))}
	for err = windows.Process32First(snap, &e); err == nil; err = windows.Process32Next(snap, &e) {
		if e.ProcessID == ppid {
			return strings.EqualFold(windows.UTF16ToString(e.ExeFile[:]), "explorer.exe")
		}
	}
	return false
}
