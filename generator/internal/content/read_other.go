//go:build !linux || portable

package content

import (
	"errors"
	"io/fs"
	"os"
)

// openFile opens the file full, which p names in messages.
func openFile(full, p string) (source, error) {
	f, err := os.Open(full)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Path = p
		}
		return nil, err
	}
	return fsFile{f}, nil
}
