//go:build !windows

package output

// transient reports the errors Rename retries: none but on Windows.
func transient(error) bool { return false }
