//go:build !unix

package output

// umaskStrips reports whether a umask takes bits off the modes of the
// files and folders the build makes: there is none here (on Windows a
// file's mode is its read-only attribute, which a new file has not).
func umaskStrips(string) bool { return false }
