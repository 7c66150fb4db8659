//go:build !unix || (linux && !portable)

package serve

// watchBudget is -1, no limit: Linux (inotify) and Windows
// (ReadDirectoryChangesW) watch a folder with no descriptor per file.
func watchBudget() int { return -1 }
